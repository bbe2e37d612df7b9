FROM golang:1.7
WORKDIR /go/src/app
COPY . .
# go clean -modcache came with Go 1.11
RUN go get -d -v ./... && go install -v ./...
CMD ["app"]
