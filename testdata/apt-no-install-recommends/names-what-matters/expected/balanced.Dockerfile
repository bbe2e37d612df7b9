FROM debian:bookworm-slim
# git and curl recommend ca-certificates (https) and git the ssh client; gcc recommends the C library headers
RUN apt-get update && apt-get install --no-install-recommends -y git curl gcc ca-certificates netbase openssh-client libc6-dev && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
