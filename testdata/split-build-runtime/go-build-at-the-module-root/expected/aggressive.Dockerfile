# no -o: go build names the binary after the module path's last element (the /v2 suffix is skipped): ./shop
FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM scratch
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /src/shop /src/shop
WORKDIR /src
EXPOSE 8080
USER 65534:65534
CMD ["./shop", "-listen", ":8080"]
