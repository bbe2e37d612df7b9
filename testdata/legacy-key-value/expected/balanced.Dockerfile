FROM alpine:3.20
ENV APP_HOME=/opt/app
ENV GREETING="hello   world"
env lower=case
LABEL maintainer=someone@example.com
ENV ALREADY=fine
ENV QUOTED "a b" c
