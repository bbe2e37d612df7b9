# gcc was there when go built (cgo on), then removed: the binary links musl and needs alpine, not scratch
FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY . .
RUN apk add --no-cache --virtual .build gcc musl-dev && go build -o /usr/local/bin/app . && apk del .build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:3.21
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /usr/local/bin/app /usr/local/bin/app
COPY --from=builder /src /src
WORKDIR /src
CMD ["app"]
