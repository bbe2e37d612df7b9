# a go.work workspace: ./services/api is a module of its own, and its module path names the binary
FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build ./services/api
CMD ["./api"]
