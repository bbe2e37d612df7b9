# syntax=docker/dockerfile:1
# whittle's own image, built the way whittle recommends: the JDK and Maven stay in the build stage, the
# runtime stage has only a JRE (distroless, non-root) and the jar.
#
#   docker build -t whittle .
#   docker run --rm -u "$(id -u)" -v "$PWD:/work" whittle optimize --diff Dockerfile

FROM maven:3.9-eclipse-temurin-17 AS builder
WORKDIR /src
# dependencies first: this layer is rebuilt only when pom.xml changes
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY grammar/ grammar/
COPY templates/ templates/
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM gcr.io/distroless/java17-debian12:nonroot
COPY --from=builder /src/target/whittle.jar /opt/whittle/whittle.jar
WORKDIR /work
# C1 only and the serial collector: a short-lived command line starts fastest so
ENTRYPOINT ["/usr/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/opt/whittle/whittle.jar"]
CMD ["--help"]
