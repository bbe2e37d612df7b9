# apk --no-cache came with apk-tools 2.6, in Alpine 3.3: on 3.2 the option is refused (review round 10)
FROM alpine:3.2
RUN apk update && apk add curl
