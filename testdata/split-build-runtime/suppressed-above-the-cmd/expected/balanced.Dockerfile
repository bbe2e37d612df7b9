FROM golang:1.22
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/server .
# whittle ignore=split-build-runtime
CMD ["server"]
