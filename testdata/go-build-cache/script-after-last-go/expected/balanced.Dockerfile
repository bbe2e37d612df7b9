# A script the repository brings runs after the last go command: it may remove go (this one's cleanup.sh removes
# /usr/local/go), and an appended `go clean` would then fail (review round 10)
FROM golang:1.15
WORKDIR /go/src/github.com/example/app
RUN git clone https://github.com/example/app.git . && \
    go build -o /go/bin/app . && \
    ./cleanup.sh
CMD ["app"]
