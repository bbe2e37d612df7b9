# `COPY shell2http /` puts a file at /shell2http (or a folder's contents into /), and the program reads it
# there: the runtime cannot receive / whole, and which files the COPY put there is not known
FROM golang:1.22
WORKDIR /go/src/app
COPY shell2http /
COPY . .
RUN go build -o /usr/local/bin/nanoserverless .
CMD ["nanoserverless"]
