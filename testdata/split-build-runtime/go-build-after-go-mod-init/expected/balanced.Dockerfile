# the file makes its own module: go mod init names it, go build writes ./hello
FROM golang:1.22-bookworm AS builder
WORKDIR /hello
COPY main.go .
RUN go mod init example.org/hello && CGO_ENABLED=0 go build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/static-debian12
COPY --from=builder /hello/hello /hello/hello
WORKDIR /hello
CMD ["/hello/hello"]
