FROM node:20 AS builder
ADD . /srv/www/koop
WORKDIR /srv/www/koop/server
RUN npm install --omit=dev

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/nodejs20-debian12
COPY --from=builder /srv/www/koop /srv/www/koop
WORKDIR /srv/www/koop/server
CMD ["index.js"]
