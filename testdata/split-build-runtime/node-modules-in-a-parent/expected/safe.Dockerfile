# npm installs into / (no WORKDIR yet): node finds /node_modules from /app by its parent-directory lookup
FROM node:22 AS builder
RUN npm install faye
WORKDIR /app
COPY ./app /app

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
COPY --from=builder /node_modules /node_modules
WORKDIR /app
CMD ["node", "server.js"]
