# -mod=vendor: the vendored go-sqlite3 imports "C", so cgo stays on and the runtime keeps a C library
FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN go build -mod=vendor -o /usr/local/bin/notes .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=builder /usr/local/bin/notes /usr/local/bin/notes
WORKDIR /src
CMD ["notes"]
