FROM golang:1.22 AS builder
WORKDIR /app
RUN apt-get update && apt-get install -y libsqlite3-dev
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o app .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app/app /app/app
WORKDIR /app
CMD ["./app"]
