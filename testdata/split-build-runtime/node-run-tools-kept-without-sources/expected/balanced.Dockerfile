# nothing of the app but its package.json is in the build context: whittle cannot read whether it starts git
# (simple-git, child_process), so the git and ssh client the build installed stay in the runtime
FROM node:22 AS builder
RUN apt-get update && apt-get install -y git openssh-client
WORKDIR /app
COPY package.json .
RUN npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
RUN apt-get update && apt-get install -y --no-install-recommends git openssh-client netbase && rm -rf /var/lib/apt/lists/*
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
WORKDIR /app
CMD ["node", "app.js"]
