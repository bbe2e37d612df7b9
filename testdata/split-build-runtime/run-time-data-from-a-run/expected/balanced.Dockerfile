# data a RUN downloads outside the app goes to the runtime too; a directory the build deleted does not
FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/geo ./cmd/geo
RUN mkdir -p /var/lib/geo && curl -fsSL -o /var/lib/geo/cities.csv https://example.com/cities.csv
RUN git clone https://example.com/assets.git /opt/assets && rm -rf /opt/assets

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/base-debian12
COPY --from=builder /usr/local/bin/geo /usr/local/bin/geo
COPY --from=builder /src /src
COPY --from=builder /var/lib/geo /var/lib/geo
WORKDIR /src
CMD ["geo", "--data", "/var/lib/geo/cities.csv"]
