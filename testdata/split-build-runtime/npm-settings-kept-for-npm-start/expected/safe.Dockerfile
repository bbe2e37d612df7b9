# the container starts through npm, which reads NPM_CONFIG_LOGLEVEL: the setting stays
FROM node:22 AS builder
ENV NPM_CONFIG_LOGLEVEL=warn
WORKDIR /app
COPY . .
RUN npm ci

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NPM_CONFIG_LOGLEVEL=warn
COPY --from=builder /app /app
WORKDIR /app
CMD ["npm", "start"]
