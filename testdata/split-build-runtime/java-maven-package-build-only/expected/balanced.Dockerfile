# maven and the JDK installed with apt build the jar; the JRE runtime does not get them again
FROM eclipse-temurin:21 AS builder
RUN apt-get update && apt-get install -y maven && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY . .
RUN mvn -B package

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/java21-debian12
COPY --from=builder /build /build
WORKDIR /build
CMD ["target/app.jar"]
