# NodeSource's setup script writes its apt source and runs apt-get update: nodejs then comes from it, and what
# that package recommends is not in the release's facts, so its recommends are kept (and said)
FROM ubuntu:24.04
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates \
    && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
    && apt-get install -y nodejs \
    && rm -rf /var/lib/apt/lists/*
CMD ["node"]
