FROM registry.example.com/golden/node:22-bookworm-slim@sha256:4e1f7a2b9c3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8 AS web
WORKDIR /web
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine AS tools
RUN npm install -g typescript@5

FROM registry.example.com/golden/python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 python-dev=2.7.18-3 curl \
    && rm -rf /var/lib/apt/lists/*
ADD https://example.com/tool.tar.gz /opt/
COPY --from=web /web/dist /srv/static
COPY --from=alpine:latest /etc/ssl/certs /etc/ssl/certs
CMD ["python3", "-m", "http.server", "8000"]
