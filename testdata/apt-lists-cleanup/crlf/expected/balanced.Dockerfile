FROM ubuntu:22.04
RUN apt-get update && \
    apt-get install --no-install-recommends -y make && \
    rm -rf /var/lib/apt/lists/*
CMD ["make"]
