FROM alpine:3.20
RUN apk add --update python3 py3-pip curl
RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool && \
    rm /var/cache/apk/*
CMD ["python3"]
