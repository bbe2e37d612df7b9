FROM golang:1.21
RUN go install github.com/golang/lint/golint@latest
RUN echo built
CMD ["golint"]
