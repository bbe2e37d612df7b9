# pip of Alpine's own Python installs into /usr/lib/python3.x, not /usr/local: where its modules are is not followed,
# so the split is refused (review round 10)
FROM golang:1.21-alpine
RUN apk add --no-cache python3 py3-pip && pip install awscli
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/hook .
ENTRYPOINT ["/usr/local/bin/hook"]
