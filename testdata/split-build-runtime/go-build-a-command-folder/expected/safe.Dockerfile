# go build ./cmd/server writes ./server in the working directory
FROM golang:1.22 AS builder
WORKDIR /app
COPY . .
RUN go build -v ./cmd/server

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app/server /app/server
WORKDIR /app
ENTRYPOINT ["./server"]
