package uk.ear.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One case-service process: the root build's executable jar in a JVM of its own, on loopback, with
 * the given profiles and properties (command-line arguments, so they win over the jar's own files).
 * Its console goes to {@code <name>.log} in the work directory.
 */
final class ServiceNode {

  /** The demo API keys (application-demo.yml) and the benchmark's own account. */
  static final String POLICE_KEY = "demo-police-key";
  static final String WORKERS_KEY = "demo-workers-key";
  static final String HOSPITAL_KEY = "demo-hospital-key";
  static final String BENCH_KEY = "bench-engine-key";

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path log;
  private Process process;
  private Duration startUp;

  private ServiceNode(String name, int port, List<String> command, Path log) {
    this.name = name;
    this.port = port;
    this.command = command;
    this.log = log;
  }

  static Path jar() {
    Path dir = Path.of(System.getProperty("ear.bench.case-service-dir", "target"));
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "case-service-*.jar")) {
      found.forEach(jars::add);
    } catch (IOException e) {
      throw new IllegalStateException("no case service jar in " + dir.toAbsolutePath() + ": ./mvnw -B -DskipTests package", e);
    }
    return jars.stream()
        .max(Comparator.comparing(p -> p.toFile().lastModified()))
        .orElseThrow(() -> new IllegalStateException("no case-service-*.jar in " + dir.toAbsolutePath()))
        .toAbsolutePath();
  }

  /** The properties every benchmark node gets: the demo accounts, the bench key, counting on. */
  static Map<String, String> benchProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    String[][] keys = {
      {"police", POLICE_KEY}, {"workers", WORKERS_KEY}, {"hospital", HOSPITAL_KEY}, {"bench", BENCH_KEY}
    };
    for (int i = 0; i < keys.length; i++) {
      p.put("ear.security.api-keys[" + i + "].user", keys[i][0]);
      p.put("ear.security.api-keys[" + i + "].sha256", Json.sha256Hex(keys[i][1]));
    }
    p.put("ear.jdbc.count-statements", "true");
    // the figures are the engine's and the service's, not the demo's
    p.put("ear.demo.cases", "false");
    // the benchmark reads the JVM's heap from Actuator's metrics
    p.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
    return p;
  }

  static ServiceNode create(String name, int port, Path workDir, String profiles, Map<String, String> properties, String heap)
      throws IOException {
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-jar");
    command.add(jar().toString());
    command.add("--spring.profiles.active=" + profiles);
    command.add("--server.port=" + port);
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    return new ServiceNode(name, port, command, workDir.resolve(name + ".log").toAbsolutePath());
  }

  /** Starts it and waits until {@code /actuator/health} is UP; the time that took is {@link #startUp()}. */
  ServiceNode start() throws IOException {
    return start(Duration.ofMinutes(3));
  }

  /** As {@link #start()}, waiting at most {@code timeout} (a restart on a busy machine may take longer). */
  ServiceNode start(Duration timeout) throws IOException {
    long began = System.nanoTime();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    process = builder.start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitUp(timeout);
    startUp = Duration.ofNanos(System.nanoTime() - began);
    return this;
  }

  void awaitUp(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + log);
      }
      try {
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.millis(100);
    }
    throw new IllegalStateException(name + " was not UP within " + timeout + "; log: " + log);
  }

  /** {@code kill -9}: no shutdown hook, no graceful stop, locks and connections left behind. */
  void kill9() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: Spring's graceful shutdown. */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Duration startUp() {
    return startUp;
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }
}
