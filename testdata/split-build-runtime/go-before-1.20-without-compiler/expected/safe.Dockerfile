# golang:1.10-alpine has no gcc, but its standard library was built with one: before Go 1.20 a program using net
# links musl dynamically, so the runtime keeps musl (alpine), not scratch
FROM golang:1.10-alpine3.7 AS builder
RUN apk add --no-cache git
WORKDIR /go/src/github.com/example/demo
COPY . .
RUN go build -o /go/bin/demo .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:3.7
RUN apk add --no-cache git
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /go/bin/demo /go/bin/demo
COPY --from=builder /go/src/github.com/example/demo /go/src/github.com/example/demo
WORKDIR /go/src/github.com/example/demo
ENTRYPOINT ["/go/bin/demo"]
