FROM golang:1.22
RUN go get github.com/example/tool
# the next RUN builds from the sources go get put in GOPATH
RUN cd $GOPATH/src/github.com/example/tool && make install
