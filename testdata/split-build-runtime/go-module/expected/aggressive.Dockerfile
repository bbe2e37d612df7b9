FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server
COPY config/app.yaml /etc/app/app.yaml
ENV APP_CONFIG=/etc/app/app.yaml GOFLAGS=-mod=readonly

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM scratch
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV APP_CONFIG=/etc/app/app.yaml
COPY --from=builder /out/server /out/server
COPY --from=builder /etc/app/app.yaml /etc/app/app.yaml
WORKDIR /src
EXPOSE 8080
HEALTHCHECK --interval=30s CMD ["/out/server", "-healthcheck"]
USER 65534:65534
CMD ["/out/server"]
