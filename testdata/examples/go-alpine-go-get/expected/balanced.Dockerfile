FROM alpine:latest

USER root

RUN apk add --no-cache go git musl-dev

# add go environment variables
RUN echo "export PATH=\$PATH:/root/go/bin" >> /etc/profile \
    && echo "export GO111MODULE=on" >> /etc/profile \
    && echo "export GOPATH=/root/go" >> /etc/profile  \
    && echo "export GOPROXY=https://mirrors.aliyun.com/goproxy/" >> /etc/profile \
    && source /etc/profile

# install micro
RUN cd \
    && go install -v github.com/micro/micro@latest \
    && go clean -cache -modcache

EXPOSE 8080

CMD ["micro","api"]
