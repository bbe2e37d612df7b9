# Go 1.11 named a module root's binary after its /v2 suffix (golang/go#27283), later Go after the element before
FROM golang:1.12
WORKDIR /src
COPY . .
RUN GO111MODULE=on go build
CMD ["./shop"]
