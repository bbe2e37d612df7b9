FROM alpine:3.18
ADD https://github.com/just-containers/s6-overlay/releases/download/v2.2.0.3/s6-overlay-amd64.tar.gz /tmp/
RUN tar xzf /tmp/s6-overlay-amd64.tar.gz -C /
ENV GOPATH /go
RUN apk add --update -t .build-deps libc-dev go git make \
    && mkdir /logs \
    && git clone https://github.com/google/mtail.git $GOPATH/src/github.com/google/mtail \
    && cd $GOPATH/src/github.com/google/mtail \
    && make \
    && cp $GOPATH/bin/mtail /bin/mtail \
    && apk del --purge .build-deps \
    && rm -rf /go /var/cache/apk/*
COPY s6/etc /etc
ENTRYPOINT ["/init"]
