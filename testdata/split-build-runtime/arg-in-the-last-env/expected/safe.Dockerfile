# DB_PASS is read by the last ENV before EXPOSE: the runtime stage declares it too
FROM node:22 AS builder
ARG DB_HOST
ARG DB_PASS
ENV PGHOST=$DB_HOST
ENV PGPASSWORD=$DB_PASS
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm install
COPY . .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
ARG DB_HOST
ARG DB_PASS
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV PGHOST=$DB_HOST
ENV PGPASSWORD=$DB_PASS
COPY --from=builder /usr/src/app /usr/src/app
WORKDIR /usr/src/app
EXPOSE 8080
CMD ["node", "server.js"]
