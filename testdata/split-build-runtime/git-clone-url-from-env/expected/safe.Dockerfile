# git clone $SOURCE_URL clones into the URL's last part (/cryptpad), not into a path made of the URL
FROM node:22 AS builder
ENV SOURCE_URL="https://github.com/example/cryptpad"
WORKDIR /
RUN git clone ${SOURCE_URL} && cd cryptpad && npm install
WORKDIR /cryptpad

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV SOURCE_URL="https://github.com/example/cryptpad"
COPY --from=builder /cryptpad /cryptpad
WORKDIR /cryptpad
CMD ["node", "server.js"]
