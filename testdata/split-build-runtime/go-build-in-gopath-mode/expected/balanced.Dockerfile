# GO111MODULE=off: GOPATH mode, the binary is named after the package folder (./api)
FROM golang:1.22-bookworm AS builder
ENV GO111MODULE=off
WORKDIR /go/src/github.com/acme/api
COPY . .
RUN CGO_ENABLED=0 go build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/static-debian12
COPY --from=builder /go/src/github.com/acme/api/api /go/src/github.com/acme/api/api
WORKDIR /go/src/github.com/acme/api
CMD ["./api"]
