# debian:*-slim has no CA bundle; the golang builder has one, and the runtime gets it
FROM golang:1.22 AS builder
WORKDIR /app
COPY . .
RUN go build -o /app/bin/server .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /app /app
WORKDIR /app
CMD ["/app/bin/server"]
