# node writes its release before -slim (16-buster-slim); python after (3.8-slim-buster)
FROM node:16-buster AS builder
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:16-buster-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
WORKDIR /app
CMD ["node", "index.js"]
