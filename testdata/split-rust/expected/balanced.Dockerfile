FROM rust:1.82 AS builder
WORKDIR /usr/src/ticker
COPY . .
RUN apt-get update && apt-get install -y pkg-config libssl-dev
RUN cargo build --release

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libssl3 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /usr/src/ticker /usr/src/ticker
WORKDIR /usr/src/ticker
CMD ["./target/release/ticker"]
