# the last WORKDIR is an empty volume; the app is where npm install ran
FROM node:20 AS builder
ADD package.json /superstatic/package.json
WORKDIR /superstatic
RUN npm install
ADD . /superstatic
WORKDIR /data

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM node:20-slim
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 libfreetype6 libpq5 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /superstatic /superstatic
WORKDIR /data
VOLUME /data
EXPOSE 80
ENTRYPOINT ["/superstatic/bin/server", "-p", "80"]
