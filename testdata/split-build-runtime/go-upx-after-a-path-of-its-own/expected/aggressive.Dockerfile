FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/app .
ENV PATH=/bin

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM scratch
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /bin/app /bin/app
COPY --from=builder /src /src
WORKDIR /src
USER 65534:65534
CMD ["/bin/app"]
