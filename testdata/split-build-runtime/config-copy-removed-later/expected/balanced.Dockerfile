FROM maven:3.9-eclipse-temurin-17 AS builder
COPY src /tmp/app/src/
COPY templates /tmp/app/templates/
COPY pom.xml /tmp/app/
RUN mvn -f /tmp/app/pom.xml -B package && mkdir /service && cp /tmp/app/target/app.jar /service/app.jar
RUN rm -rf /tmp/app

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM gcr.io/distroless/java17-debian12
COPY --from=builder /service/app.jar /service/app.jar
ENTRYPOINT ["/usr/bin/java", "-jar", "/service/app.jar"]
