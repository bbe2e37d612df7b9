FROM golang:1.22
WORKDIR /app
COPY . .
RUN make build
CMD ["server"]
