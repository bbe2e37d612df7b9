# No Cargo.lock in the context: which of the full image's -dev libraries the binary links is not known
FROM rust:1.82
WORKDIR /usr/src/fetcher
COPY . .
RUN cargo build --release
CMD ["./target/release/fetcher"]
