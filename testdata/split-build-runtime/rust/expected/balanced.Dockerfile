FROM rust:1.82
WORKDIR /usr/src/ticker
COPY . .
RUN apt-get update && apt-get install --no-install-recommends -y pkg-config libssl-dev && \
    cargo build --release && \
    rm -rf /var/lib/apt/lists/*
CMD ["./target/release/ticker"]
