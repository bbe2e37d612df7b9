FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg xz-utils \
    && rm -rf /var/lib/apt/lists/*
# node from its release archive, checked against the signed sums
RUN curl -fsSLO https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz \
    && curl -fsSLO https://nodejs.org/dist/v20.11.0/SHASUMS256.txt.asc \
    && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc \
    && grep " node-v20.11.0-linux-x64.tar.xz\$" SHASUMS256.txt | sha256sum -c - \
    && tar -xJf node-v20.11.0-linux-x64.tar.xz -C /usr/local --strip-components=1 --no-same-owner \
    && rm -f SHASUMS256.txt.asc node-v20.11.0-linux-x64.tar.xz
WORKDIR /opt
RUN curl -fsSL -o /tmp/tool.deb https://example.com/tool_1.0_amd64.deb && dpkg -i /tmp/tool.deb \
    && rm -f /tmp/tool.deb
RUN wget https://example.com/app-1.2.zip && unzip app-1.2.zip && cd app && ./install.sh \
    && rm -f /opt/app-1.2.zip
RUN curl -fsSLO https://example.com/data.tgz && curl -fsSLO https://example.com/data.tgz.sha256 \
    && sha256sum -c data.tgz.sha256 \
    && rm -f data.tgz.sha256
CMD ["node"]
