# the original runs as root and writes /db: below the aggressive level the runtime stays root (no :nonroot)
FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/padlock ./cmd/padlock

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/static-debian12
COPY --from=builder /usr/local/bin/padlock /usr/local/bin/padlock
COPY --from=builder /src /src
WORKDIR /src
ENTRYPOINT ["padlock", "--db-path=/db"]
