# go build ./cmd/server writes ./server in the working directory
FROM golang:1.22 AS builder
WORKDIR /app
COPY . .
RUN CGO_ENABLED=0 go build -v ./cmd/server

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/static-debian12
COPY --from=builder /app/server /app/server
WORKDIR /app
ENTRYPOINT ["./server"]
