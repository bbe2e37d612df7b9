FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake git ca-certificates libhwloc-dev \
    && git clone https://github.com/example/miner.git /miner \
    && cd /miner && cmake . && make \
    && mv /miner/bin/* /usr/local/bin/ \
    && rm -rf /miner \
    && apt-get purge -y build-essential cmake git libhwloc-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /mnt
ENTRYPOINT ["/usr/local/bin/miner"]
