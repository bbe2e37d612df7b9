FROM registry.example.com/platform/go-builder:2024
WORKDIR /app
COPY . .
RUN CGO_ENABLED=1 go build -o /app/server .
CMD ["/app/server"]
