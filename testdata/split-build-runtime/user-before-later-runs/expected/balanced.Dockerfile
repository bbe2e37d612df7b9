# the image runs as node: its USER stands before later RUNs, so it stays in the builder and the runtime gets its own
FROM node:20 AS builder
RUN mkdir -p /home/node/app && chown node:node /home/node/app
USER node
WORKDIR /home/node/app
COPY --chown=node:node package.json .
RUN npm install
COPY --chown=node:node . .
RUN npm run build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder --chown=node:node /home/node/app /home/node/app
WORKDIR /home/node/app
USER node
CMD ["dist/server.js"]
