FROM debian:bookworm
RUN apk add curl; echo done
