FROM golang:1.22 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /usr/local/bin/notes .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/base-debian12
COPY --from=builder /usr/local/bin/notes /usr/local/bin/notes
WORKDIR /src
EXPOSE 8080
CMD ["notes"]
