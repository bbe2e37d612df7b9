FROM golang:1.22
WORKDIR /app
COPY . .
RUN go build -ldflags="-s -w" -o /usr/local/bin/api . && go clean -cache -modcache
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
