FROM alpine:3.20
RUN apk add --no-cache --update python3 py3-pip curl
RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool && \
    rm -rf /var/cache/apk/*
CMD ["python3"]
