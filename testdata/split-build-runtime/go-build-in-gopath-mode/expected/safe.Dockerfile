# GO111MODULE=off: GOPATH mode, the binary is named after the package folder (./api)
FROM golang:1.22-bookworm AS builder
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/api
COPY . .
RUN go build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /go/src/github.com/acme/api/api /go/src/github.com/acme/api/api
WORKDIR /go/src/github.com/acme/api
CMD ["./api"]
