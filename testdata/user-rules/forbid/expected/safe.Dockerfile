FROM ubuntu AS one
MAINTAINER someone@example.com
FROM alpine:latest AS two
FROM bitnami/nginx:1.25 AS three
# whittle ignore=no-latest
FROM node:latest AS four
FROM alpine:3.20
COPY --from=busybox:latest /bin/busybox /bin/busybox
COPY --from=one /etc/hostname /tmp/
