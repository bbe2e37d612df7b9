FROM golang:1.21
WORKDIR /app
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o site . && go clean -cache -modcache
EXPOSE 80
CMD ["./site"]
