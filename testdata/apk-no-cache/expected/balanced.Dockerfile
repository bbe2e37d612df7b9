FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --no-cache --virtual .build-deps gcc musl-dev \
    && apk upgrade --no-cache
RUN apk --no-cache add ca-certificates
RUN apk add tzdata && rm -rf /var/cache/apk/*
RUN apk update && apk policy curl && apk add curl
