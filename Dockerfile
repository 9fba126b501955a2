# syntax=docker/dockerfile:1
#
# EAR case service: Spring Boot 3.5 + Camunda 7.24 on Java 17.
#   docker build -t ear/case-service .        (BuildKit is needed for the cache mount)
# Configuration comes from the environment at run time (SPRING_PROFILES_ACTIVE, default
# postgres,prod; EAR_DB_*, EAR_ADMIN_*, EAR_SECURITY_APIKEYS_*); see docker-compose.yml and
# .env.example.

# ---- build: the same command as on a developer's machine --------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

COPY --chmod=755 mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/

# ~/.m2 (dependencies and the wrapper's Maven) is a BuildKit cache: kept between builds, never in
# the image. -DskipTests also skips the npm model lint, so no Node.js is needed here.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B package -DskipTests \
    && cp target/*.jar app.jar

# Split the executable jar into layers (libraries change less often than our classes); the result
# is app.jar plus lib/, still started with `java -jar app.jar`.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# ---- runtime -----------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# fixed ids (not 1000: Ubuntu 24.04 images already have the user "ubuntu" there)
RUN groupadd --system --gid 10001 ear \
    && useradd --system --uid 10001 --gid ear --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin ear

WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# The code stays root-owned and read-only for the service; only ./data (the H2 database of the
# demo profile) is writable. With the postgres profile nothing is written here.
RUN mkdir /app/data && chown ear:ear /app/data

USER ear
EXPOSE 8080

# Production unless told otherwise: PostgreSQL, Secure cookies, HSTS, X-Forwarded-* from the TLS
# proxy. For a demo: SPRING_PROFILES_ACTIVE=postgres,demo (or demo alone, H2 under /app/data).
ENV SPRING_PROFILES_ACTIVE=postgres,prod

# curl is part of the eclipse-temurin Ubuntu images. The service listens on $PORT (default 8080).
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/actuator/health" || exit 1

# Exec form: java is PID 1 and gets SIGTERM for Spring's graceful shutdown.
# More JVM options at run time: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
