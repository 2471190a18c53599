# One image recipe for every service; the compose file names the module:
#   docker build --build-arg MODULE=article-service --build-arg PORT=8081 -t portal/article-service .
ARG MODULE=gateway

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /workspace
COPY . .
RUN mvn -B -ntp -pl ${MODULE} -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG MODULE
ARG PORT=8080
RUN groupadd --system app && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build --chown=app:app /workspace/${MODULE}/target/${MODULE}.jar /app/app.jar
USER app
EXPOSE ${PORT}
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/app.jar"]
