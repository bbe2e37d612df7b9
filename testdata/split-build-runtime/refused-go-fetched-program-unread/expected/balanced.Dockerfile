# the program is built from what go install fetched, and whittle has not read those sources: it may find files
# beside them (go.rice) or start git, which the runtime would not have
FROM golang:1.22
RUN go install github.com/example/webhook-relay@v1.4.0
CMD ["webhook-relay"]
