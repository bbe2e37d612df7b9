FROM node:20 AS builder
WORKDIR /usr/src/app
COPY package.json ./
RUN npm install
COPY . .
RUN chmod +x docker-entrypoint.sh

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:20-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /usr/src/app /usr/src/app
WORKDIR /usr/src/app
ENTRYPOINT ["./docker-entrypoint.sh"]
CMD ["node", "server.js"]
