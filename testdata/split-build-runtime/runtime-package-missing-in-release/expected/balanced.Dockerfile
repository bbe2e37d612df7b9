# The build installs python, which trixie (node:slim's release) does not have: the runtime stage's install would
# fail (review round 11), so the split is refused
FROM node
RUN apt-get update && apt-get install -y python make g++
WORKDIR /usr/src/app
COPY package.json .
RUN npm install
COPY . .
CMD ["node", "server.js"]
