# a VOLUME before the build steps still declares the image's mount point; the app's own *_VERSION and HOME stay
FROM node:22 AS builder
ENV APP_VERSION=1.4.2 HOME=/srv/home WORK_DIR="/srv/app"
WORKDIR $WORK_DIR
COPY . .
RUN npm ci

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:22-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV APP_VERSION=1.4.2 HOME=/srv/home WORK_DIR="/srv/app"
COPY --from=builder /srv/app /srv/app
WORKDIR /srv/app
VOLUME /srv/app/config
CMD ["node", "server.js"]
