# go.rice finds its boxes beside the caller's source file when nothing embedded them (no `rice embed-go` here):
# -trimpath would remove the path it looks in, so only -s -w is added; the remote tool is a module whittle
# cannot read, so it gets no -trimpath either
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -ldflags="-s -w" -o /usr/local/bin/server ./cmd/server
RUN go install -ldflags="-s -w" github.com/pressly/goose/v3/cmd/goose@v3.20.0
CMD ["server"]
