package uk.ear.workers.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The case service as it runs in production: its executable jar, built by the root project, in a
 * JVM of its own on a free port, with the demo profile (demo users, every password {@code demo},
 * and demo cases) and an in-memory H2 database of its own, so nothing is left in {@code ./data}.
 * Its console goes to {@code case-service.log} in the work directory.
 */
final class CaseServiceProcess {

  static final String HINT = "build the case service first: ./mvnw -B clean verify";

  /** Directory of the root build's jar; failsafe sets it from the pom ({@code case-service.dir}). */
  private static final Path JAR_DIR =
      Path.of(System.getProperty("ear.e2e.case-service-dir", "../target"));

  private static final Path WORK_DIR =
      Path.of(System.getProperty("ear.e2e.work-dir", "target/e2e"));

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private CaseServiceProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The newest {@code case-service-<version>.jar} of the root build, or null if there is none. */
  static Path jar() {
    if (!Files.isDirectory(JAR_DIR)) {
      return null;
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(JAR_DIR, "case-service-*.jar")) {
      found.forEach(jars::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jars.stream()
        .max(Comparator.comparing(p -> p.toFile().lastModified()))
        .map(Path::toAbsolutePath)
        .map(Path::normalize)
        .orElse(null);
  }

  /** Starts the jar and waits until {@code /actuator/health} is UP; fails with its log if not. */
  static CaseServiceProcess start() throws IOException {
    Path jar = jar();
    if (jar == null) {
      throw new IllegalStateException("no case-service-*.jar in " + JAR_DIR.toAbsolutePath() + ": " + HINT);
    }
    Files.createDirectories(WORK_DIR);
    Path log = WORK_DIR.resolve("case-service.log").toAbsolutePath();
    int port = freePort();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // start-up dominates; the quick compiler alone is faster on 2 cores
            "-XX:TieredStopAtLevel=1",
            "-Xmx768m",
            "-jar",
            jar.toString(),
            // command-line arguments win over everything the jar or the environment sets
            "--spring.profiles.active=demo",
            "--server.port=" + port,
            "--spring.datasource.url=jdbc:h2:mem:ear-e2e-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(WORK_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    CaseServiceProcess service = new CaseServiceProcess(builder.start(), port, log);
    // not left running when the test JVM ends without @AfterAll (a killed or interrupted build)
    Runtime.getRuntime().addShutdownHook(new Thread(service.process::destroy));
    try {
      service.awaitHealthy();
    } catch (RuntimeException | Error e) {
      service.printLog();
      service.stop();
      throw e;
    }
    return service;
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "the case service exited with " + process.exitValue() + " before it was UP; log: " + log);
                }
                try {
                  HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                  return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
                } catch (IOException notYet) {
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "the case service was not UP within " + START_TIMEOUT.toSeconds() + " s; log: " + log, e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  /** Its console output so far, for a failure's report. */
  void printLog() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      int from = Math.max(0, lines.size() - 400);
      System.err.println("---- case service log " + log + (from > 0 ? " (last 400 lines)" : "") + " ----");
      lines.subList(from, lines.size()).forEach(System.err::println);
      System.err.println("---- end of case service log ----");
    } catch (IOException | UncheckedIOException e) {
      System.err.println("cannot read the case service log " + log + ": " + e);
    }
  }

  /** SIGTERM (Spring's graceful shutdown), then a kill if it has not ended in time. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /**
   * Enables the test where the root build's jar exists. Without it the test is skipped, except in
   * CI ({@code CI=true}), where that is a failure: the end-to-end test must run there.
   */
  static class JarPresent implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Path jar = jar();
      if (jar != null) {
        return ConditionEvaluationResult.enabled("case service jar " + jar);
      }
      String why = "no case-service-*.jar in " + JAR_DIR.toAbsolutePath().normalize() + ": " + HINT;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why + " (CI=true: the end-to-end test must run)");
      }
      return ConditionEvaluationResult.disabled(why);
    }
  }
}
