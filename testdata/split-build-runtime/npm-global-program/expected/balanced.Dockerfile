# the start command is a program an `npm install -g` put on PATH: the global packages come with it
FROM node:20 AS builder
RUN npm install -g nodemon@3.1.0
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:20-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
COPY --from=builder /usr/local/lib/node_modules/nodemon /usr/local/lib/node_modules/nodemon
COPY --from=builder /usr/local/bin /usr/local/bin
WORKDIR /app
CMD ["nodemon", "server.js"]
