FROM golang:1.8-onbuild
ADD . /go/src/github.com/acme/web/
RUN go install github.com/acme/web
ENTRYPOINT ["/go/bin/web"]
EXPOSE 8080
