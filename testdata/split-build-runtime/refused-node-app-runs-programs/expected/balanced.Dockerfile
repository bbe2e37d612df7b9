# the updater clones through simple-git, which runs the git program: whittle cannot tell which programs the
# runtime would need, so there is no split
FROM node:22-alpine
RUN apk add --no-cache git openssh
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .
CMD ["node", "app.js"]
