# helixdns was read (templates/go-programs.yaml): it needs nothing beside its binary, so the git the build
# installed for go get stays behind
FROM golang:1.7-alpine AS builder
RUN apk add --no-cache git && go get github.com/mrwilson/helixdns && go install github.com/mrwilson/helixdns

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:3.4
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /go/bin/helixdns /usr/local/bin/helixdns
WORKDIR /go
ENTRYPOINT ["helixdns"]
