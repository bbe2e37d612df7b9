# two packages and no -o: go build compiles both and writes no binary
FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build ./cmd/api ./cmd/worker
CMD ["./api"]
