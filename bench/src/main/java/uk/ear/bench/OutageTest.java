package uk.ear.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL stopped in the middle of load (bench/README.md, "Outage test"). One node takes police
 * calls at a steady rate; after {@code --outage-after} seconds the cluster is stopped for
 * {@code --down-seconds} and started again. Every answer is kept: during the outage the API must
 * answer 503 with {@code Retry-After} (never 500, never slower than {@code --max-answer-seconds})
 * and {@code /actuator/health} 503 DOWN; the client sends a call again after its Retry-After, the
 * same JSON. Afterwards the node must recover by itself and every call have exactly one case and
 * one process. PostgreSQL is always started again (finally, a shutdown hook, and outage.sh's trap).
 */
final class OutageTest {

  static final String DATABASE = "ear_outage";

  private final Options options;
  private final long began = System.nanoTime();
  private final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
  /** The health prober runs while this is true. */
  private volatile boolean probing;

  OutageTest(Options options) {
    this.options = options;
  }

  /** One HTTP exchange: when it was sent and answered (seconds of the run), and how. */
  record Attempt(String ref, double sent, double answered, int status, String retryAfter, String body) {}

  /** One health probe. */
  record Probe(double sent, double answered, int status, String healthStatus) {}

  /** When the cluster went down and came back, seconds of the run (NaN: not yet). */
  static final class Outage {
    volatile double stopBegin = Double.NaN;
    volatile double stopDone = Double.NaN;
    volatile double startBegin = Double.NaN;
    volatile double startDone = Double.NaN;
    volatile String error;

    String phase(double t) {
      if (Double.isNaN(stopBegin) || t < stopBegin) {
        return "before";
      }
      if (Double.isNaN(stopDone) || t < stopDone) {
        return "stopping";
      }
      if (Double.isNaN(startBegin) || t < startBegin) {
        return "down";
      }
      if (Double.isNaN(startDone) || t < startDone) {
        return "starting";
      }
      return "after";
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stopBeganAtSecond", Load.round(stopBegin));
      m.put("downAtSecond", Load.round(stopDone));
      m.put("startBeganAtSecond", Load.round(startBegin));
      m.put("upAtSecond", Load.round(startDone));
      m.put("downSeconds", Load.round(startDone - stopDone));
      if (error != null) {
        m.put("error", error);
      }
      return m;
    }
  }

  int run() throws Exception {
    double rate = Double.parseDouble(options.text("rate", "10"));
    int seconds = options.integer("seconds", 150);
    int outageAfter = options.integer("outage-after", 40);
    int downSeconds = options.integer("down-seconds", 40);
    int maxAnswerSeconds = options.integer("max-answer-seconds", 10);
    int recoverSeconds = options.integer("recover-seconds", 120);
    int waitForOthers = options.integer("wait-for-others", 300);
    boolean ignoreOthers = Boolean.parseBoolean(options.text("ignore-others", "false"));
    if (downSeconds < 30 || downSeconds > 60) {
      System.err.println("--down-seconds must be 30 to 60");
      return 2;
    }
    Path out = options.out();
    Path work = out.resolve("outage");
    Files.createDirectories(work);

    PgServer server = new PgServer(PgServer.localVersion());
    if (!server.ready()) {
      server.start();
    }
    if (!ignoreOthers && !othersGone(waitForOthers)) {
      return 3;
    }

    Map<String, String> properties = new LinkedHashMap<>(ServiceNode.benchProperties());
    properties.put("spring.datasource.url", Pg.url(DATABASE));
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", options.text("job-lock-ms", "30000"));
    Pg.recreate(DATABASE);
    ServiceNode node = ServiceNode.create("outage", options.integer("port", 18097), work, "postgres,demo", properties, "768m");
    Outage outage = new Outage();
    List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
    Map<String, JsonNode> answers = new ConcurrentHashMap<>();
    Map<String, Integer> finals = new ConcurrentHashMap<>();
    Checks checks = new Checks();
    Map<String, Object> json = new LinkedHashMap<>();
    String run = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36).toUpperCase();
    Thread prober = null;
    Thread stopper = null;
    double[] recoveredAt = {Double.NaN};
    try {
      node.start();
      event("node up", "start-up " + Load.round(node.startUp().toMillis() / 1000.0) + " s");
      Api api = new Api(node.baseUrl());

      probing = true;
      prober = new Thread(() -> probe(api, probes), "health-prober");
      prober.setDaemon(true);
      prober.start();

      double loadBegan = now();
      stopper =
          new Thread(
              () -> {
                try {
                  Pause.millis(outageAfter * 1000L);
                  // someone may have connected since the start: never cut another run off
                  List<List<Object>> others = ignoreOthers ? List.of() : otherSessions();
                  if (!others.isEmpty()) {
                    outage.error = "PostgreSQL not stopped: other sessions appeared " + others;
                    event("outage skipped", outage.error);
                    return;
                  }
                  event("stopping PostgreSQL " + server.version(), "pg_ctlcluster stop -m fast");
                  outage.stopBegin = now();
                  server.stop();
                  outage.stopDone = now();
                  event("PostgreSQL down", "stop took " + Load.round(outage.stopDone - outage.stopBegin) + " s");
                  Pause.millis(downSeconds * 1000L);
                  outage.startBegin = now();
                  server.start();
                  outage.startDone = now();
                  event("PostgreSQL up", "start took " + Load.round(outage.startDone - outage.startBegin) + " s");
                } catch (Exception e) {
                  outage.error = e.toString();
                  event("outage failed", e.toString());
                }
              },
              "outage");
      stopper.start();

      Calls generator = new Calls("O" + run);
      Load.Result load =
          Load.open(
              "intake during outage",
              rate,
              Duration.ofSeconds(seconds),
              n -> send(api, generator, attempts, answers, finals, maxAnswerSeconds));
      event("load done", load.ok() + " calls answered 201/200, " + load.failed() + " not");
      stopper.join(180_000);
      if (!server.ready()) {
        server.start();
      }

      // recovery: health UP again without a restart
      long deadline = System.nanoTime() + recoverSeconds * 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        try {
          Api.Answer h = api.get("/actuator/health", null, Duration.ofSeconds(10));
          if (h.status() == 200 && h.body().contains("\"UP\"")) {
            recoveredAt[0] = now();
            break;
          }
        } catch (IOException notYet) {
          // keep asking
        }
        Pause.millis(500);
      }
      // when it recovered: the first probe after the start that found it UP (the loop above only confirms it)
      synchronized (probes) {
        probes.stream()
            .filter(p -> p.sent() > outage.startDone && p.status() == 200 && "UP".equals(p.healthStatus()))
            .mapToDouble(Probe::answered)
            .min()
            .ifPresent(t -> recoveredAt[0] = Math.min(t, Double.isNaN(recoveredAt[0]) ? t : recoveredAt[0]));
      }
      event("health UP again", Double.isNaN(recoveredAt[0]) ? "never" : Load.round(recoveredAt[0] - outage.startDone) + " s after PostgreSQL");
      // let the job executor catch up before looking for incidents (bounded)
      awaitJobs(Duration.ofSeconds(60));
      probing = false;
      prober.join(20_000);

      // ---- checks ----
      checks.add(
          "PostgreSQL stopped " + downSeconds + " s mid-load and started again",
          outage.error == null && !Double.isNaN(outage.startDone) && server.ready(),
          outage.asMap().toString());

      Map<String, Map<String, Long>> byPhase = new TreeMap<>();
      List<Attempt> snapshot;
      synchronized (attempts) {
        snapshot = new ArrayList<>(attempts);
      }
      for (Attempt a : snapshot) {
        byPhase.computeIfAbsent(outage.phase(a.sent()), k -> new TreeMap<>()).merge(label(a.status()), 1L, Long::sum);
      }
      List<String> serverErrors =
          snapshot.stream()
              .filter(a -> a.status() >= 500 && a.status() != 503)
              .map(a -> a.status() + " at " + Load.round(a.sent()) + " s (" + outage.phase(a.sent()) + "): " + abbreviate(a.body()))
              .toList();
      checks.add("never a 500 (no 5xx but 503)", serverErrors.isEmpty(), serverErrors.size() + " answers: " + Checks.sample(serverErrors, 3));

      List<Attempt> unavailable = snapshot.stream().filter(a -> a.status() == 503).toList();
      long withoutRetryAfter = unavailable.stream().filter(a -> a.retryAfter() == null).count();
      Map<String, Long> retryAfters = new TreeMap<>();
      unavailable.forEach(a -> retryAfters.merge(String.valueOf(a.retryAfter()), 1L, Long::sum));
      checks.add(
          "every 503 carries Retry-After",
          !unavailable.isEmpty() && withoutRetryAfter == 0,
          unavailable.size() + " × 503, " + withoutRetryAfter + " without Retry-After; values " + retryAfters);

      Map<String, Long> down = byPhase.getOrDefault("down", Map.of());
      long downOthers = down.entrySet().stream().filter(e -> !e.getKey().equals("503")).mapToLong(Map.Entry::getValue).sum();
      checks.add(
          "while the database is down the API answers 503",
          down.getOrDefault("503", 0L) > 0 && downOthers == 0,
          "answers to calls sent while down: " + down);

      // around the outage (stopping, down, starting); before and after it, slowness is load, the benchmark's business
      List<String> slow =
          snapshot.stream()
              .filter(a -> !outage.phase(a.sent()).equals("before") && !outage.phase(a.sent()).equals("after"))
              .filter(a -> a.answered() - a.sent() > maxAnswerSeconds)
              .map(a -> label(a.status()) + " after " + Load.round(a.answered() - a.sent()) + " s, sent at " + Load.round(a.sent()) + " s (" + outage.phase(a.sent()) + ")")
              .toList();
      double slowestDown =
          snapshot.stream().filter(a -> !outage.phase(a.sent()).equals("before") && !outage.phase(a.sent()).equals("after"))
              .mapToDouble(a -> a.answered() - a.sent()).max().orElse(0);
      checks.add(
          "no answer slower than " + maxAnswerSeconds + " s around the outage",
          slow.isEmpty(),
          "slowest answer around the outage " + Load.round(slowestDown) + " s; slow: " + Checks.sample(slow, 3));

      List<Probe> probeSnapshot;
      synchronized (probes) {
        probeSnapshot = new ArrayList<>(probes);
      }
      Map<String, Map<String, Long>> healthByPhase = new TreeMap<>();
      for (Probe p : probeSnapshot) {
        healthByPhase.computeIfAbsent(outage.phase(p.sent()), k -> new TreeMap<>())
            .merge(label(p.status()) + " " + p.healthStatus(), 1L, Long::sum);
      }
      List<Probe> downProbes = probeSnapshot.stream().filter(p -> outage.phase(p.sent()).equals("down")).toList();
      long downProbesWrong =
          downProbes.stream()
              .filter(p -> p.status() != 503 || !"DOWN".equals(p.healthStatus()) || p.answered() - p.sent() > maxAnswerSeconds)
              .count();
      double slowestProbe = downProbes.stream().mapToDouble(p -> p.answered() - p.sent()).max().orElse(0);
      checks.add(
          "/actuator/health answers 503 DOWN while the database is down",
          !downProbes.isEmpty() && downProbesWrong == 0,
          downProbes.size() + " probes while down: " + healthByPhase.getOrDefault("down", Map.of()) + ", slowest " + Load.round(slowestProbe) + " s");

      checks.add(
          "recovers by itself: /actuator/health UP again",
          !Double.isNaN(recoveredAt[0]),
          Double.isNaN(recoveredAt[0])
              ? "not UP within " + recoverSeconds + " s"
              : "UP " + Load.round(recoveredAt[0] - outage.startDone) + " s after PostgreSQL took connections");

      List<String> unanswered = new ArrayList<>();
      finals.forEach((ref, status) -> {
        if (status != 200 && status != 201) {
          unanswered.add(ref + " " + label(status));
        }
      });
      long sent = generator.issued();
      checks.add(
          "every call eventually answered 201/200",
          unanswered.isEmpty() && finals.size() == sent,
          sent + " calls, " + finals.size() + " finished, unanswered: " + Checks.sample(unanswered, 3));

      try {
        checkStored(generator, answers, checks);
      } catch (SQLException e) {
        checks.error("one case and one EarlyActionCase instance per call", e);
      }
      try {
        long incidents = Pg.count(DATABASE, "select count(*) from act_ru_incident");
        long exhausted = Pg.count(DATABASE, "select count(*) from act_ru_job where retries_ = 0");
        long retried = Pg.count(DATABASE, "select count(*) from act_ru_job where retries_ between 1 and 2");
        checks.add(
            "no incidents, no job out of retries",
            incidents == 0 && exhausted == 0,
            incidents + " incidents, " + exhausted + " jobs with no retries left, " + retried + " jobs failed once or twice");
      } catch (SQLException e) {
        checks.error("no incidents", e);
      }

      // first 201 after the database came back
      double firstCreatedAfter =
          snapshot.stream()
              .filter(a -> a.status() == 201 && a.answered() > outage.startDone)
              .mapToDouble(Attempt::answered).min().orElse(Double.NaN);

      // answers per second of the run (by when they were sent), and how long 503s went on after the database was back
      Map<Long, Map<String, Long>> timeline = new TreeMap<>();
      for (Attempt a : snapshot) {
        timeline.computeIfAbsent((long) Math.floor(a.sent()), k -> new TreeMap<>()).merge(label(a.status()), 1L, Long::sum);
      }
      // how long each kind of answer took, by phase: p50 / p95 / max seconds
      Map<String, Map<String, String>> answerSeconds = new TreeMap<>();
      Map<String, List<Double>> took = new TreeMap<>();
      for (Attempt a : snapshot) {
        took.computeIfAbsent(outage.phase(a.sent()) + " " + label(a.status()), k -> new ArrayList<>()).add(a.answered() - a.sent());
      }
      took.forEach((key, list) -> {
        Collections.sort(list);
        String phase = key.substring(0, key.indexOf(' '));
        answerSeconds.computeIfAbsent(phase, k -> new TreeMap<>())
            .put(key.substring(key.indexOf(' ') + 1),
                Load.round(list.get(list.size() / 2)) + " / " + Load.round(list.get((int) Math.min(list.size() - 1, Math.ceil(list.size() * 0.95) - 1)))
                    + " / " + Load.round(list.get(list.size() - 1)));
      });
      double last503 =
          snapshot.stream().filter(a -> a.status() == 503).mapToDouble(Attempt::answered).max().orElse(Double.NaN);

      // ---- report ----
      json.put("test", "outage");
      json.put("database", DATABASE);
      json.put("postgres", Pg.version());
      json.put("ratePerSecond", rate);
      json.put("loadSeconds", seconds);
      json.put("calls", sent);
      json.put("load", load.asMap());
      json.put("attempts", snapshot.size());
      json.put("retries", snapshot.size() - sent);
      json.put("outage", outage.asMap());
      json.put("answersByPhase", byPhase);
      json.put("answerSecondsP50P95MaxByPhase", answerSeconds);
      json.put("retryAfterValues", retryAfters);
      json.put("healthByPhase", healthByPhase);
      json.put("healthUpSecondsAfterPostgres", Load.round(recoveredAt[0] - outage.startDone));
      json.put("firstCreatedSecondsAfterPostgres", Load.round(firstCreatedAfter - outage.startDone));
      json.put("last503SecondsAfterPostgres", Load.round(last503 - outage.startDone));
      json.put("events", events);
      json.put("checks", checks.asList());
      json.put("passed", checks.allPassed());
      json.put("totalSeconds", Load.round(now()));
      json.put("answersPerSecond", timeline);

      StringBuilder md = new StringBuilder();
      md.append("## Outage test (").append(Instant.now()).append(")\n\n");
      md.append("| figure | value |\n|---|---|\n");
      md.append("| load | ").append(rate).append(" calls/s for ").append(seconds).append(" s: ").append(sent).append(" calls, ")
          .append(snapshot.size()).append(" attempts (").append(snapshot.size() - sent).append(" retries) |\n");
      md.append("| PostgreSQL ").append(server.version()).append(" | down from ").append(Load.round(outage.stopDone)).append(" s to ")
          .append(Load.round(outage.startDone)).append(" s of the run (load began at ").append(Load.round(loadBegan)).append(" s) |\n");
      md.append("| answers by phase (sent) | ").append(byPhase).append(" |\n");
      md.append("| answer times by phase (s, p50 / p95 / max) | ").append(answerSeconds).append(" |\n");
      md.append("| Retry-After values | ").append(retryAfters).append(" |\n");
      md.append("| health by phase | ").append(healthByPhase).append(" |\n");
      md.append("| recovery | health UP ").append(json.get("healthUpSecondsAfterPostgres")).append(" s, first 201 ")
          .append(json.get("firstCreatedSecondsAfterPostgres")).append(" s, last 503 ").append(json.get("last503SecondsAfterPostgres"))
          .append(" s after PostgreSQL was back |\n");
      md.append("| calls end to end (ms, retries included) | p50 ").append(Load.round(load.p50())).append(", p95 ")
          .append(Load.round(load.p95())).append(", p99 ").append(Load.round(load.p99())).append(", max ")
          .append(Load.round(load.max())).append(" |\n");
      md.append("| whole run | ").append(json.get("totalSeconds")).append(" s |\n\n");
      md.append(checks.markdown());
      md.append("\n").append(checks.allPassed() ? "**PASSED**" : "**FAILED** (" + checks.failed() + " checks)").append("\n");
      System.out.println(md);
      Files.createDirectories(out);
      Files.writeString(out.resolve("outage.json"), Json.write(json));
      Files.writeString(out.resolve("outage.md"), md.toString());
      System.out.println("JSON: " + out.resolve("outage.json").toAbsolutePath() + "; node log: " + node.log());
      return checks.allPassed() ? 0 : 1;
    } finally {
      probing = false;
      if (stopper != null && stopper.isAlive()) {
        stopper.interrupt();
      }
      // whatever happened, the database runs again
      if (!server.ready()) {
        System.err.println("starting PostgreSQL again");
        server.start();
      }
      node.stop();
    }
  }


  /** One call until it is answered 201/200 (or 4xx, or its four minutes are up). */
  private int send(
      Api api, Calls generator, List<Attempt> attempts, Map<String, JsonNode> answers, Map<String, Integer> finals,
      int maxAnswerSeconds) {
    String json = generator.next();
    String ref = Json.read(json).get("incidentRef").asText();
    double giveUp = now() + 240;
    int last = 0;
    while (true) {
      double sent = now();
      int status;
      long waitMillis;
      try {
        // the client waits longer than the answer may take, to measure a hang instead of cutting it
        Api.Answer answer = api.post("/api/calls", Api.POLICE, json, Duration.ofSeconds(maxAnswerSeconds * 3L));
        status = answer.status();
        last = status;
        String retryAfter = answer.header("Retry-After").orElse(null);
        attempts.add(new Attempt(ref, sent, now(), status, retryAfter, status >= 500 ? answer.body() : null));
        if (status == 200 || status == 201) {
          answers.put(ref, answer.json());
          finals.put(ref, status);
          return status;
        }
        if (status < 500) {
          finals.put(ref, status);
          return status;
        }
        waitMillis = status == 503 ? retryAfterMillis(retryAfter) : 2000;
      } catch (HttpTimeoutException e) {
        attempts.add(new Attempt(ref, sent, now(), -2, null, null));
        last = -2;
        waitMillis = 1000;
      } catch (IOException e) {
        attempts.add(new Attempt(ref, sent, now(), -1, null, e.toString()));
        last = -1;
        waitMillis = 1000;
      }
      if (now() + waitMillis / 1000.0 > giveUp) {
        finals.put(ref, last);
        return -1;
      }
      Pause.millis(waitMillis);
    }
  }

  /** Retry-After as delta-seconds or an HTTP date; 1 s if missing or unreadable; at most 30 s. */
  static long retryAfterMillis(String value) {
    if (value == null) {
      return 1000;
    }
    try {
      return Math.min(30_000, Math.max(0, Long.parseLong(value.trim()) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        long millis = Duration.between(Instant.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
        return Math.min(30_000, Math.max(0, millis));
      } catch (RuntimeException unreadable) {
        return 1000;
      }
    }
  }

  /** {@code GET /actuator/health} (no credentials) every second while the run lasts. */
  private void probe(Api api, List<Probe> probes) {
    while (probing) {
      double sent = now();
      try {
        Api.Answer h = api.get("/actuator/health", null, Duration.ofSeconds(30));
        String status;
        try {
          status = h.json().path("status").asText("?");
        } catch (RuntimeException notJson) {
          status = "?";
        }
        probes.add(new Probe(sent, now(), h.status(), status));
      } catch (HttpTimeoutException e) {
        probes.add(new Probe(sent, now(), -2, "timeout"));
      } catch (IOException e) {
        probes.add(new Probe(sent, now(), -1, "io"));
      }
      long next = (long) ((sent + 1 - now()) * 1000);
      if (next > 0) {
        Pause.millis(next);
      }
    }
  }

  private void checkStored(Calls generator, Map<String, JsonNode> answers, Checks checks) throws SQLException {
    String prefix = generator.incidentRef(0).substring(0, generator.incidentRef(0).length() - 1);
    Map<String, StoredCall> byRef = StoredCall.byIncidentRef(DATABASE, prefix);
    List<String> wrong = new ArrayList<>();
    for (long n = 1; n <= generator.issued(); n++) {
      String ref = generator.incidentRef(n);
      StoredCall row = byRef.get(ref);
      JsonNode answer = answers.get(ref);
      if (row == null) {
        wrong.add(ref + ": not stored" + (answer == null ? "" : " but answered"));
        continue;
      }
      if (!row.onceEach()) {
        wrong.add(ref + ": " + row.incidents() + " incidents, " + row.cases() + " cases, " + row.instances() + " instances");
      }
      if (answer != null && !answer.path("caseRef").asText().equals(row.caseRef())) {
        wrong.add(ref + ": answered " + answer.path("caseRef").asText() + ", stored " + row.caseRef());
      }
    }
    long[] totals = StoredCall.casesAndInstances(DATABASE);
    long cases = totals[0];
    long instances = totals[1];
    checks.add(
        "one case and one EarlyActionCase instance per call",
        wrong.isEmpty() && cases == generator.issued() && instances == cases,
        byRef.size() + " incidents for " + generator.issued() + " calls, " + cases + " cases, " + instances + " instances; wrong: "
            + Checks.sample(wrong, 3));
  }

  /** Until no job is due any more (the notifications' async continuations), at most {@code bound}. */
  private void awaitJobs(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Pg.count(
                DATABASE,
                "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 and handler_type_ <> 'history-cleanup'"
                    + " and (duedate_ is null or duedate_ <= now())")
            == 0) {
          return;
        }
      } catch (SQLException e) {
        // ask again
      }
      Pause.millis(1000);
    }
  }

  /**
   * Stopping the cluster ends every session on it: wait (at most {@code seconds}) until nobody but
   * this run is connected, so another benchmark or test is not cut off.
   */
  private boolean othersGone(int seconds) throws SQLException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    boolean told = false;
    while (true) {
      List<List<Object>> others = otherSessions();
      if (others.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        System.err.println(
            "other sessions on PostgreSQL after " + seconds + " s, not stopping it: " + others
                + " (--ignore-others=true stops it anyway)");
        return false;
      }
      if (!told) {
        System.err.println("waiting up to " + seconds + " s for other sessions to end before stopping PostgreSQL: " + others);
        told = true;
      }
      Pause.millis(5000);
    }
  }

  /** Sessions on the server other than this run's (its node's database, its own query). */
  private static List<List<Object>> otherSessions() throws SQLException {
    return Pg.rows(
        "postgres",
        "select datname, usename, coalesce(application_name, ''), count(*) from pg_stat_activity"
            + " where backend_type = 'client backend' and pid <> pg_backend_pid()"
            + " and datname is distinct from '" + DATABASE + "' group by 1, 2, 3");
  }

  private static String label(int status) {
    return switch (status) {
      case -1 -> "io";
      case -2 -> "timeout";
      default -> Integer.toString(status);
    };
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }

  private double now() {
    return (System.nanoTime() - began) / 1e9;
  }

  private void event(String what, String detail) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("atSecond", Load.round(now()));
    e.put("what", what);
    e.put("detail", detail);
    events.add(e);
    System.out.printf("[%7.1f s] %s: %s%n", now(), what, detail);
  }
}
