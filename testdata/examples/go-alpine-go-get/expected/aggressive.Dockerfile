FROM alpine:latest AS builder

USER root

RUN apk update && apk add go git musl-dev

# add go environment variables
RUN echo "export PATH=\$PATH:/root/go/bin" >> /etc/profile \
    && echo "export GO111MODULE=on" >> /etc/profile \
    && echo "export GOPATH=/root/go" >> /etc/profile  \
    && echo "export GOPROXY=https://mirrors.aliyun.com/goproxy/" >> /etc/profile \
    && source /etc/profile

# install micro
RUN cd \
    && go install -ldflags="-s -w" -v github.com/micro/micro@latest
RUN apk add --no-cache upx && upx --best --lzma /root/go/bin/micro

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM alpine:latest
COPY --from=builder /root/go/bin/micro /usr/local/bin/micro
EXPOSE 8080
CMD ["micro","api"]
