# golang:1.10 is debian stretch: the runtime would need apt-get on a release whose suites left the mirrors
FROM golang:1.10
RUN apt-get update && apt-get install -y libpq-dev
WORKDIR /go/src/app
COPY . .
RUN go build -o /go/bin/app .
CMD ["app"]
