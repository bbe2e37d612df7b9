FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app
RUN go install -trimpath -ldflags "-X main.version=1.2.3 -s -w" ./cmd/tool && \
    go build -trimpath -ldflags="-s -w" -o /out/worker ./cmd/worker

FROM alpine:3.20
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
