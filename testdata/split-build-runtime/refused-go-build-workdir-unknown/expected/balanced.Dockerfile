# the working directory comes from a build argument without a default: where go build writes is not known
FROM golang:1.22-bookworm
ARG APP_DIR
WORKDIR ${APP_DIR}
COPY . .
RUN go build
CMD ["./app"]
