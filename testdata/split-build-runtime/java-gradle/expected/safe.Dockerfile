FROM gradle:8.10-jdk17 AS builder
WORKDIR /home/gradle/project
COPY . .
RUN gradle bootJar --no-daemon

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM eclipse-temurin:17-jre
COPY --from=builder /home/gradle/project /home/gradle/project
WORKDIR /home/gradle/project
CMD ["java", "-Xmx512m", "-jar", "build/libs/app.jar"]
