# the sources (and go.mod) come from a git clone: its module path is not in the build context
FROM golang:1.22-bookworm
RUN git clone --depth 1 https://github.com/acme/relay.git /src
WORKDIR /src
RUN go build
CMD ["./relay"]
