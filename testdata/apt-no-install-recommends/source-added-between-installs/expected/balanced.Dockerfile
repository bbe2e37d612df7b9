FROM ubuntu:22.04
RUN apt-get update && apt-get install --no-install-recommends -y curl gnupg ca-certificates && \
    curl -fsSL https://packages.prosody.im/debian/pubkey.asc | gpg --dearmor -o /usr/share/keyrings/prosody.gpg && \
    echo "deb [signed-by=/usr/share/keyrings/prosody.gpg] http://packages.prosody.im/debian jammy main" > /etc/apt/sources.list.d/prosody.list && \
    apt-get update && apt-get install -y prosody && \
    rm -rf /var/lib/apt/lists/*
CMD ["prosody"]
