FROM ubuntu:20.04
# focal's golang-go is Go 1.13: it has no go install path@version
RUN apt-get update && apt-get install -y golang-go git && rm -rf /var/lib/apt/lists/*
RUN go get github.com/example/tool
