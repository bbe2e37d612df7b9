FROM gcc:13 AS builder
WORKDIR /opt/hello
COPY . .
RUN make

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder /opt/hello /opt/hello
WORKDIR /opt/hello
CMD ["/opt/hello/hello", "--greeting", "hi"]
