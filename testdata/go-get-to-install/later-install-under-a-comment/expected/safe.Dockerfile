FROM golang:1.21
RUN go get -u github.com/golang/lint/golint
# the tool
RUN go install github.com/golang/lint/golint
CMD ["golint"]
