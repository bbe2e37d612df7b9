# The build moves a downloaded program into /usr/bin: the runtime would need the builder's whole /usr/bin, programs
# whose packages it does not have (review round 10)
FROM golang:1.21-alpine
RUN apk add --no-cache git curl
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/hook . && \
    curl -fsSL -o /tmp/tool.tar.gz https://example.com/tool.tar.gz && tar -xzf /tmp/tool.tar.gz -C /tmp && \
    mv /tmp/tool/tool /usr/bin/
ENTRYPOINT ["/usr/local/bin/hook"]
