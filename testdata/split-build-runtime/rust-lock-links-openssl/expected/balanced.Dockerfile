# reqwest's default TLS goes through openssl-sys: the binary links libssl, found in the full rust image
FROM rust:1.82
WORKDIR /usr/src/fetcher
COPY . .
RUN cargo build --release
CMD ["./target/release/fetcher"]
