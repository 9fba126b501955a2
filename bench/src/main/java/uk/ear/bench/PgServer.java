package uk.ear.bench;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster itself, for the outage test: stopped ({@code -m fast}: sessions
 * ended, nothing waits) and started again with Debian's {@code pg_ctlcluster}. Once stopped, a
 * JVM shutdown hook starts it again whatever happens to the run.
 */
final class PgServer {

  private final String version;
  private volatile boolean stoppedByUs;

  PgServer(String version) {
    this.version = version;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (stoppedByUs || !ready()) {
                    System.err.println("starting PostgreSQL " + version + " again (shutdown hook)");
                    try {
                      start();
                    } catch (Exception e) {
                      System.err.println("could not start PostgreSQL: " + e);
                    }
                  }
                },
                "postgres-restart"));
  }

  /** The newest cluster version under {@code /etc/postgresql} (Debian's layout). */
  static String localVersion() {
    String[] versions = new File("/etc/postgresql").list();
    if (versions == null || versions.length == 0) {
      throw new IllegalStateException("no PostgreSQL cluster under /etc/postgresql");
    }
    return Arrays.stream(versions)
        .filter(v -> v.matches("\\d+(\\.\\d+)?"))
        .max(Comparator.comparingDouble(Double::parseDouble))
        .orElseThrow(() -> new IllegalStateException("no PostgreSQL version in /etc/postgresql"));
  }

  String version() {
    return version;
  }

  void stop() throws IOException, InterruptedException {
    stoppedByUs = true;
    int exit = run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", "-m", "fast"), 60);
    if (exit != 0) {
      throw new IllegalStateException("pg_ctlcluster stop exited with " + exit);
    }
  }

  /** Starts the cluster (nothing if it runs) and waits until it takes connections, at most a minute. */
  void start() throws IOException, InterruptedException {
    run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"), 60);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("PostgreSQL " + version + " not ready a minute after start");
      }
      Thread.sleep(200);
    }
    stoppedByUs = false;
  }

  boolean ready() {
    try {
      return run(List.of("pg_isready", "-q", "-h", Pg.HOST, "-p", Integer.toString(Pg.PORT)), 10) == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
