# -mod vendor with pure-Go vendored modules: no module download, nothing imports "C"
FROM golang:1.22-bookworm AS builder
WORKDIR /go/src/app
COPY . .
RUN go build -mod vendor .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM debian:bookworm-slim
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /go/src/app/api /go/src/app/api
WORKDIR /go/src/app
CMD ["/go/src/app/api"]
