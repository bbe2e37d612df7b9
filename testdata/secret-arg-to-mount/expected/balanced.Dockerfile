# syntax=docker/dockerfile:1
FROM node:20-slim
WORKDIR /app
ARG NPM_TOKEN
COPY package*.json ./
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && \
    npm ci --omit=dev && rm .npmrc
RUN NPM_TOKEN=$NPM_TOKEN npm run fetch-private
COPY . .
CMD ["node", "server.js"]
