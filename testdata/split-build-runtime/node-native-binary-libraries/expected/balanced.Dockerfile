FROM node:20 AS builder
WORKDIR /app
COPY package.json .
RUN npm install --omit=dev
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:20-slim
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 libfreetype6 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
WORKDIR /app
CMD ["node", "render.js"]
