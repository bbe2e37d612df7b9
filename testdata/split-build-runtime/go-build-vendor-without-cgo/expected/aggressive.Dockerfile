# -mod vendor with pure-Go vendored modules: no module download, nothing imports "C"
FROM golang:1.22-bookworm AS builder
WORKDIR /go/src/app
COPY . .
RUN CGO_ENABLED=0 go build -mod vendor .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM scratch
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /go/src/app/api /go/src/app/api
WORKDIR /go/src/app
USER 65534:65534
CMD ["/go/src/app/api"]
