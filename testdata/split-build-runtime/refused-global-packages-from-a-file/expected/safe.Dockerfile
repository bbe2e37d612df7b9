# the global packages are named by the shell at build time: their paths are not known
FROM node:22
COPY packages /packages
RUN npm install -g $(cat /packages)
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "index.js"]
