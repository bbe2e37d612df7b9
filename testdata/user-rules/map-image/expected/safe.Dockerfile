ARG DEBIAN_TAG=bookworm
FROM registry.example.com/base/golang:1.22 AS build
RUN go build -o /app .

FROM debian:${DEBIAN_TAG} AS with-arg
FROM docker.io/library/debian:bookworm-slim AS spelled-in-full
FROM debian:bookworm@sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff AS pinned
FROM scratch AS empty
FROM build AS again

# whittle ignore=golden-base
FROM debian:bullseye AS suppressed

FROM registry.example.com/base/debian:bookworm-slim
COPY --from=build /app /app
COPY --from=registry.example.com/base/debian:bookworm /etc/os-release /etc/os-release
CMD ["/app"]
