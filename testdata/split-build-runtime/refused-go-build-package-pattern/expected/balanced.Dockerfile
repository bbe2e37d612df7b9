# ./cmd/...: how many main packages the pattern matches decides whether a binary is written
FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build ./cmd/...
CMD ["./api"]
