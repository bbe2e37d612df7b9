# Cargo.lock names no crate that links a system library (linux-raw-sys binds the kernel directly): split
FROM rust:1.82 AS builder
WORKDIR /usr/src/fetcher
COPY . .
RUN cargo build --release

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/cc-debian12
COPY --from=builder /usr/src/fetcher /usr/src/fetcher
WORKDIR /usr/src/fetcher
CMD ["./target/release/fetcher"]
