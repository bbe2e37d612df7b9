FROM golang:1.22
# the RUN ends in a directory it removed: a go command appended there would fail
RUN mkdir -p /src && cd /src && git clone https://example.com/app.git . && go build -o /usr/local/bin/app . && rm -rf /src
CMD ["app"]
