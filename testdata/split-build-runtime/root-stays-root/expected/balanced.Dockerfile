# the original runs as root and writes /db: below the aggressive level the runtime stays root (no :nonroot)
FROM golang:1.22-alpine AS builder
RUN go install github.com/example/padlock@v1.2.0

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/static-debian12
COPY --from=builder /go/bin/padlock /usr/local/bin/padlock
WORKDIR /go
ENTRYPOINT ["padlock", "--db-path=/db"]
