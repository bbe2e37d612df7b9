# the launcher reads -Xmx8g after -jar as an option; the jar is the next word. maven:3.5-jdk-8 is openjdk 8 on
# Debian stretch: the same release's openjdk JRE keeps the Java build
FROM maven:3.5-jdk-8 AS builder
WORKDIR /usr/src/app
COPY . .
RUN mvn -B package

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM openjdk:8-jre-stretch
COPY --from=builder /usr/src/app /usr/src/app
WORKDIR /usr/src/app
CMD ["java", "-jar", "-Xmx8g", "target/app.jar"]
