FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /build
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

# runtime: only what the app needs to run (whittle split-build-runtime)
FROM eclipse-temurin:21-jre
COPY --from=builder /build /build
WORKDIR /build
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "target/orders-1.0.jar"]
