FROM golang:1.22
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/server .
COPY start /usr/local/bin/
ENTRYPOINT ["start"]
