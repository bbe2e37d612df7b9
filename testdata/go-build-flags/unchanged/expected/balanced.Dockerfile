FROM golang:1.22 AS build
ARG LDFLAGS
WORKDIR /src
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/app .
RUN go install -trimpath -ldflags '-s -w -X main.version=1.2.3' ./cmd/tool
RUN go build -gcflags="all=-N -l" -o /out/app-debug .
RUN go build -ldflags=$LDFLAGS -o /out/app-custom .
RUN go vet ./... && go test ./...

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
