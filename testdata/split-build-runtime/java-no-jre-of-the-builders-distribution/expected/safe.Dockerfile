FROM maven:3.3.9-jdk-8
WORKDIR /app
COPY pom.xml .
COPY src ./src
RUN mvn -B package -DskipTests
CMD ["java", "-jar", "target/app.jar"]
