# syntax=docker/dockerfile:1
FROM mirror.example.com/dockerhub/library/node:20-bookworm-slim@sha256:9f3a8b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80 AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --registry=https://mirror.example.com/npm/
COPY web/ web/
RUN npm run build

FROM mirror.example.com/dockerhub/library/python:3.12-slim AS app
WORKDIR /app
COPY requirements.txt .
RUN pip install --index-url=https://mirror.example.com/pypi/simple --no-cache-dir -r requirements.txt
COPY --from=assets /src/dist /app/static
COPY --from=mirror.example.com/dockerhub/library/busybox:1.36 /bin/busybox /usr/local/bin/busybox
COPY . .

FROM mirror.example.com/dockerhub/bitnami/nginx:1.25 AS proxy
COPY --from=ghcr.io/acme/certs:2024 /certs /certs

FROM app
CMD ["gunicorn", "app:app"]
