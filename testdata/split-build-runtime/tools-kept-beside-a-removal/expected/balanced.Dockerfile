# the build removes go and keeps git, svn and hg: the program runs them (houndd clones what it indexes)
FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY . .
RUN apk add --no-cache git subversion mercurial && CGO_ENABLED=0 go build -o /usr/local/bin/indexer . && apk del --no-cache musl-dev

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:3.21
RUN apk add --no-cache git subversion mercurial
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /usr/local/bin/indexer /usr/local/bin/indexer
COPY --from=builder /src /src
WORKDIR /src
CMD ["indexer"]
