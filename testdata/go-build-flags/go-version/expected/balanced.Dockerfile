FROM golang:1.9 AS build
WORKDIR /go/src/app
COPY . .
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -a -installsuffix cgo -o /app .

FROM debian:bookworm AS tools
RUN apt-get update && apt-get install -y golang-go && go build -ldflags="-s -w" -o /usr/local/bin/tool ./tool

FROM centos:7 AS legacy
RUN yum install -y golang && go build -ldflags="-s -w" -a -o /usr/local/bin/legacy ./legacy

FROM scratch
COPY --from=build /app /app
COPY --from=tools /usr/local/bin/tool /tool
COPY --from=legacy /usr/local/bin/legacy /legacy
ENTRYPOINT ["/app"]
