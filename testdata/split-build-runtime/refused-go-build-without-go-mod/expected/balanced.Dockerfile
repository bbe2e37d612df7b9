# no go.mod in the build context: the module path that names the binary is not known
FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build
CMD ["./server"]
