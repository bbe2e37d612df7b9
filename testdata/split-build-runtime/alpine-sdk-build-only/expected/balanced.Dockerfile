# alpine-sdk is Alpine's build meta-package (build-base, abuild, git): left in the builder (review round 9)
FROM node:18-alpine AS builder
WORKDIR /usr/src/app
COPY package.json .
RUN apk add --no-cache alpine-sdk python3 && npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:18-alpine
RUN apk add --no-cache python3
COPY --from=builder /usr/src/app /usr/src/app
WORKDIR /usr/src/app
CMD ["node", "server.js"]
