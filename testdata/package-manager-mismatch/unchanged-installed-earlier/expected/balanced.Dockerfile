FROM ubuntu:22.04
COPY --from=alpine:3.20 /sbin/apk /sbin/apk
RUN apk --version
