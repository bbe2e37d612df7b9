# the RUN exports its own GOPATH: the program is in /tmp/go/bin, not the image's $GOPATH/bin
FROM golang:1.22
ENV PATH=/tmp/go/bin:$PATH
RUN export GOPATH=/tmp/go && go install github.com/acme/agent@latest
CMD ["agent"]
