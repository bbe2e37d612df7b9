# the app directory belongs to node: the runtime's WORKDIR comes after the copy, which keeps that owner
FROM node:22 AS builder
RUN mkdir -p /home/node/app && chown -R node:node /home/node/app
WORKDIR /home/node/app
USER node
COPY --chown=node:node . .
RUN npm ci

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder --chown=node:node /home/node/app /home/node/app
WORKDIR /home/node/app
USER node
CMD ["node", "main.js"]
