FROM node:20 AS builder
WORKDIR /app
COPY package.json .
RUN npm install --color false --loglevel warn --global pm2 \
    && npm install --omit=dev
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:20-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
COPY --from=builder /usr/local/lib/node_modules/pm2 /usr/local/lib/node_modules/pm2
COPY --from=builder /usr/local/bin /usr/local/bin
WORKDIR /app
CMD ["pm2-runtime", "server.js"]
