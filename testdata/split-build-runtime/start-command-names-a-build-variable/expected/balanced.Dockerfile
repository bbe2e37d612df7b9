FROM golang:1.22 AS builder
ENV GOPATH=/go
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /go/bin/server .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV GOPATH=/go
COPY --from=builder /go/bin/server /go/bin/server
WORKDIR /src
CMD $GOPATH/bin/server --addr=:3000
