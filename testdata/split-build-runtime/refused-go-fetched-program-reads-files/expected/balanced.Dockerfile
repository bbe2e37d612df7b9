# go get fetched the sources, and the image builds and starts in their directory: sensor-client parses
# home.html from there (templates/go-programs.yaml), which a runtime with only the binary would lack
FROM golang:1.4.2
RUN go get github.com/emccode/mars-challenge/sensor-client
WORKDIR /go/src/github.com/emccode/mars-challenge/sensor-client
EXPOSE 8080
CMD go run *.go
