FROM node:22
WORKDIR /usr/src/app
# the WORKDIR written with and without its /, and ADDs that add-to-copy makes COPYs first: one COPY, in one run
COPY package.json yarn.lock docker/index.js docker/build.js /usr/src/app/
RUN node ./build.js
CMD ["node", "index.js"]
