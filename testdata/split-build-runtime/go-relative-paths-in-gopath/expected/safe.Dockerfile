# no WORKDIR: golang's own WORKDIR is /go, so src/... is /go/src/..., which the RUN removes with /go
FROM golang:1.22-alpine AS builder
COPY . /src
RUN mkdir -p src/example.com/tool && cp -r /src/* src/example.com/tool && cd src/example.com/tool \
    && go build -o /bin/tool && rm -rf /go

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:3.21
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /bin/tool /bin/tool
WORKDIR /go
ENTRYPOINT ["/bin/tool"]
