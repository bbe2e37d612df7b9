# go build main.go writes ./main (named after the first source file), whatever the module
FROM golang:1.21-alpine AS builder
WORKDIR /build
COPY . .
RUN go build -ldflags "-X main.version=1.0" main.go

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:3.20
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /build/main /build/main
WORKDIR /build
CMD ./main
