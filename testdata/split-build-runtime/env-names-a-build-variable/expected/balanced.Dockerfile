# DATA_DIR names GOPATH, a build variable the runtime would drop: GOPATH is kept with it, so DATA_DIR keeps its value
FROM golang:1.21-alpine AS builder
ENV GOPATH=/go
ENV DATA_DIR=${GOPATH}/data
WORKDIR /go/src/app
COPY main.go go.mod ./
RUN go build -o /usr/local/bin/app .

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/static-debian12
ENV GOPATH=/go
ENV DATA_DIR=${GOPATH}/data
COPY --from=builder /usr/local/bin/app /usr/local/bin/app
WORKDIR /go/src/app
CMD ["app"]
