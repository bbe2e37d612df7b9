# node:carbon is Node 8: the runtime is the carbon-slim tag, never a current Node
FROM node:carbon AS builder
WORKDIR /web
COPY package.json .
RUN npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:carbon-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /web /web
WORKDIR /web
CMD ["node", "index.js"]
