FROM rust:1.82
WORKDIR /usr/src/ticker
COPY . .
RUN apt-get update && apt-get install -y pkg-config libssl-dev && rm -rf /var/lib/apt/lists/*
RUN cargo build --release
CMD ["./target/release/ticker"]
