FROM node:18
RUN if command -v apk; then apk add --no-cache git; else apt-get update && apt-get install -y git; fi
RUN command -v apk && apk add git || true
