# govendor runs go env and reads GOROOT and GOPATH when it runs: a runtime without Go breaks it (review round 9)
FROM golang:1.21
RUN go install github.com/kardianos/govendor@latest
WORKDIR /go/src/app
CMD ["govendor"]
