FROM debian:bookworm
RUN apt-get update && apt-get install -y make gcc && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make
RUN chmod 0644 /etc/deployments/orders.sh
