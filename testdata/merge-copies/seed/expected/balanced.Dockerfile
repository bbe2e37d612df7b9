FROM golang:1.22
WORKDIR /workspace
COPY go.mod go.sum localcache/ main.go /workspace/
RUN go build -o /usr/local/bin/app .
CMD ["app"]
