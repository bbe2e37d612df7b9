FROM golang:1.21-alpine
RUN go install github.com/go-delve/delve/cmd/dlv@latest
RUN go get -d -v golang.org/x/net/html
COPY . .
RUN go get github.com/stretchr/testify

FROM golang:1.12
RUN go get github.com/golang/dep/cmd/dep
