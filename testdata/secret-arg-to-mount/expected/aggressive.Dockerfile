# syntax=docker/dockerfile:1
FROM node:20-slim
WORKDIR /app
COPY package*.json ./
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && \
    npm ci --omit=dev && rm .npmrc
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN NPM_TOKEN=$NPM_TOKEN npm run fetch-private
COPY . .
CMD ["node", "server.js"]
