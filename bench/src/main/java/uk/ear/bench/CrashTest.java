package uk.ear.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Two nodes on one database, {@code kill -9} under load (bench/README.md, "Crash test"). Police
 * calls go to both nodes; a call that gets no answer, a 5xx or a timeout is sent again, the same
 * JSON, to the other node, until it is answered 201 or 200. Node A is killed once a third of the
 * calls are in and started again; node B is killed once A is back. A third of the calls are grade
 * 2 logged about 59 minutes ago, so their response-window timers come due while nodes die. The
 * run plays the external-task workers itself. Afterwards it waits until the engine is quiet and
 * checks in the database that nothing was lost, doubled or left stuck.
 */
final class CrashTest {

  static final String DATABASE = "ear_crash";
  private static final String LATE_TIMER = "BoundaryEvent_ResponseWindowMissed";
  private static final String LATE_TASK = "Task_RecordMissedResponse";
  private static final String NOTIFY_TASK = "Task_NotifyPoliceOfNewCase";
  private static final String ALERT_TASK = "Task_AlertManagerToMissedResponse";

  private final Options options;
  private final long began = System.nanoTime();
  private final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
  /** How late the response-window timers fired after their due date. */
  private final Map<String, Object> timerLateness = new LinkedHashMap<>();
  /** Answered attempts, microseconds. */
  private final org.HdrHistogram.Recorder latency = new org.HdrHistogram.Recorder(3);

  CrashTest(Options options) {
    this.options = options;
  }

  /** One police call and what became of it. */
  static final class Call {
    final int index;
    final boolean late;
    String json;
    String incidentRef;
    volatile int status;
    String caseRef;
    String processInstanceId;
    OffsetDateTime responseDueAt;
    final List<String> attempts = new ArrayList<>();

    Call(int index, boolean late) {
      this.index = index;
      this.late = late;
    }
  }

  int run() throws Exception {
    int total = options.integer("calls", 2000);
    int clients = options.integer("clients", 6);
    int lockMillis = options.integer("job-lock-ms", 30_000);
    boolean killB = Boolean.parseBoolean(options.text("kill-b", "true"));
    int quietSeconds = options.integer("quiet-seconds", 180);
    int loadSeconds = options.integer("load-seconds", 420);
    int timeoutSeconds = options.integer("timeout-seconds", 20);
    Duration startTimeout = Duration.ofSeconds(options.integer("start-timeout-seconds", 300));
    Path out = options.out();
    Path work = out.resolve("crash");
    Files.createDirectories(work);

    Map<String, String> properties = new LinkedHashMap<>(ServiceNode.benchProperties());
    properties.put("spring.datasource.url", Pg.url(DATABASE));
    // a killed node's jobs stay locked this long before the other node takes them (default 5 min)
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(lockMillis));

    Pg.recreate(DATABASE);
    ServiceNode a = ServiceNode.create("crash-a", options.integer("port-a", 18091), work, "postgres,demo", properties, "768m");
    ServiceNode b = ServiceNode.create("crash-b", options.integer("port-b", 18092), work, "postgres,demo", properties, "768m");
    List<ServiceNode> nodes = List.of(a, b);
    Checks checks = new Checks();
    Map<String, Object> json = new LinkedHashMap<>();
    String run = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36).toUpperCase();
    Call[] calls = new Call[total];
    ExternalTaskWorkers workers = null;
    try {
      a.start(startTimeout);
      event("A up", "start-up " + seconds(a.startUp()) + " s (creates the schema, deploys)");
      b.start(startTimeout);
      event("B up", "start-up " + seconds(b.startUp()) + " s");
      List<Api> apis = List.of(new Api(a.baseUrl()), new Api(b.baseUrl()));

      workers = new ExternalTaskWorkers(apis, List.of("ear-police-update", "ear-manager-alert"), Duration.ofSeconds(20), run).start();

      Calls generator = new Calls("C" + run);
      AtomicInteger nextCall = new AtomicInteger();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger finished = new AtomicInteger();
      long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(loadSeconds);
      double loadBegan = now();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      for (int c = 0; c < clients; c++) {
        pool.execute(
            () -> {
              int i;
              while ((i = nextCall.incrementAndGet()) <= total) {
                Call call = new Call(i, i % 3 == 0);
                calls[i - 1] = call;
                post(call, generator, apis, loadDeadline, timeoutSeconds);
                finished.incrementAndGet();
                if (call.status == 200 || call.status == 201) {
                  answered.incrementAndGet();
                }
              }
            });
      }
      pool.shutdown();

      // the killer: A at a third of the calls, B once A is back (and two thirds are in)
      Map<String, Object> kills = new LinkedHashMap<>();
      Thread killer =
          new Thread(
              () -> {
                try {
                  killAndRestart(a, "A", startTimeout, () -> answered.get() >= total / 3 || finished.get() >= total, answered, kills);
                  if (killB) {
                    killAndRestart(b, "B", startTimeout, () -> answered.get() >= 2 * total / 3 || finished.get() >= total, answered, kills);
                  }
                } catch (Exception e) {
                  event("killer failed", e.toString());
                  kills.put("error", e.toString());
                }
              },
              "killer");
      killer.start();

      pool.awaitTermination(loadSeconds + 60, TimeUnit.SECONDS);
      double loadEnded = now();
      event("load done", finished.get() + " calls finished, " + answered.get() + " answered 201/200");
      killer.join(TimeUnit.MINUTES.toMillis(5));

      // the engine's backlog: wait until nothing is due, every due timer fired, every external task done
      OffsetDateTime lastLateDue =
          java.util.Arrays.stream(calls)
              .filter(c -> c != null && c.late && c.responseDueAt != null)
              .map(c -> c.responseDueAt)
              .max(OffsetDateTime::compareTo)
              .orElse(OffsetDateTime.now(ZoneOffset.UTC));
      Quiet quiet = awaitQuiet(Duration.ofSeconds(quietSeconds), lastLateDue, nodes);
      event(quiet.reached ? "quiet" : "not quiet", quiet.toString());
      workers.close();

      // ---- checks ----
      List<Call> all = new ArrayList<>();
      for (Call c : calls) {
        if (c != null) {
          all.add(c);
        }
      }
      checkRepeats(all, apis, options.integer("repeats", 50), checks);
      long ok201 = all.stream().filter(c -> c.status == 201).count();
      long ok200 = all.stream().filter(c -> c.status == 200).count();
      long retries = all.stream().mapToLong(c -> Math.max(0, c.attempts.size() - 1)).sum();
      List<String> unanswered =
          all.stream().filter(c -> c.status != 200 && c.status != 201).map(c -> c.incidentRef + " " + c.attempts).toList();
      checks.add(
          "every call answered 201/200",
          all.size() == total && unanswered.isEmpty(),
          all.size() + " of " + total + " sent; " + ok201 + " × 201, " + ok200 + " × 200; unanswered: " + Checks.sample(unanswered, 3));

      try {
        checkIntake(all, checks);
      } catch (SQLException e) {
        checks.error("one case and one process per call", e);
      }
      try {
        checkTimers(all, quiet.at, checks);
      } catch (SQLException e) {
        checks.error("no timer fired twice", e);
      }
      try {
        checkExternalTasks(all, workers, checks);
      } catch (SQLException e) {
        checks.error("no external task completed twice", e);
      }
      checks.add("engine quiet within " + quietSeconds + " s", quiet.reached, quiet.toString());
      try {
        checkNothingStuck(checks);
      } catch (SQLException e) {
        checks.error("nothing stuck", e);
      }
      checks.add(
          "node A killed and restarted" + (killB ? ", then node B" : ""),
          kills.containsKey("A") && (!killB || kills.containsKey("B")) && !kills.containsKey("error"),
          kills.toString());

      // ---- report ----
      Map<String, Long> attemptOutcomes = new java.util.TreeMap<>();
      for (Call c : all) {
        for (String attempt : c.attempts) {
          attemptOutcomes.merge(attempt.substring(attempt.indexOf(':') + 1), 1L, Long::sum);
        }
      }
      json.put("test", "crash");
      json.put("database", DATABASE);
      json.put("postgres", Pg.version());
      json.put("calls", total);
      json.put("clients", clients);
      json.put("lateGrade2Calls", all.stream().filter(c -> c.late).count());
      json.put("answered201", ok201);
      json.put("answered200", ok200);
      json.put("unanswered", unanswered.size());
      json.put("retries", retries);
      json.put("callsRetried", all.stream().filter(c -> c.attempts.size() > 1).count());
      json.put("attemptOutcomes", attemptOutcomes);
      json.put("loadSeconds", Load.round(loadEnded - loadBegan));
      org.HdrHistogram.Histogram h = latency.getIntervalHistogram();
      Map<String, Object> answerMs = new LinkedHashMap<>();
      for (double p : new double[] {50, 95, 99}) {
        answerMs.put("p" + (int) p, Load.round(h.getValueAtPercentile(p) / 1000.0));
      }
      answerMs.put("max", Load.round(h.getMaxValue() / 1000.0));
      json.put("answeredAttemptMs", answerMs);
      json.put("jobLockTimeMillis", lockMillis);
      json.put("kills", kills);
      json.put(
          "externalTasks",
          Map.of("fetched", workers.fetched(), "completed", workers.completed(), "completionAnswers", workers.outcomes(),
              "fetchErrors", workers.fetchErrors()));
      json.put("quiet", quiet.asMap());
      json.put("responseWindowTimerLateness", timerLateness);
      json.put("events", events);
      json.put("checks", checks.asList());
      json.put("passed", checks.allPassed());
      json.put("totalSeconds", Load.round(now()));

      StringBuilder md = new StringBuilder();
      md.append("## Crash test (").append(Instant.now()).append(")\n\n");
      md.append("| figure | value |\n|---|---|\n");
      md.append("| calls | ").append(total).append(" (").append(json.get("lateGrade2Calls")).append(" grade 2 logged 59 min ago), ")
          .append(clients).append(" clients over 2 nodes |\n");
      md.append("| answered | ").append(ok201).append(" × 201, ").append(ok200).append(" × 200, ").append(unanswered.size()).append(" unanswered |\n");
      md.append("| retries | ").append(retries).append(" (").append(json.get("callsRetried")).append(" calls); attempts: ").append(attemptOutcomes).append(" |\n");
      md.append("| load | ").append(json.get("loadSeconds")).append(" s, ")
          .append(Load.round(all.size() / Math.max(0.001, loadEnded - loadBegan))).append(" calls/s; answered attempts (ms) ")
          .append(answerMs).append(" |\n");
      md.append("| kills | ").append(kills).append(" |\n");
      md.append("| external tasks | ").append(workers.completed()).append(" completed; answers ").append(workers.outcomes()).append(" |\n");
      md.append("| job lock time | ").append(lockMillis).append(" ms |\n");
      md.append("| response-window timers fired after their due date | ").append(timerLateness).append(" |\n");
      md.append("| quiet | ").append(quiet).append(" |\n");
      md.append("| whole run | ").append(json.get("totalSeconds")).append(" s |\n\n");
      md.append(checks.markdown());
      md.append("\n").append(checks.allPassed() ? "**PASSED**" : "**FAILED** (" + checks.failed() + " checks)").append("\n");
      System.out.println(md);
      Files.createDirectories(out);
      Files.writeString(out.resolve("crash.json"), Json.write(json));
      Files.writeString(out.resolve("crash.md"), md.toString());
      System.out.println("JSON: " + out.resolve("crash.json").toAbsolutePath() + "; node logs: " + work.toAbsolutePath());
      return checks.allPassed() ? 0 : 1;
    } finally {
      if (workers != null) {
        workers.close();
      }
      for (ServiceNode node : nodes) {
        node.stop();
      }
    }
  }

  /** Sends one call until it is answered 201 or 200, alternating nodes after a failure. */
  private void post(Call call, Calls generator, List<Api> apis, long deadline, int timeoutSeconds) {
    OffsetDateTime reportedAt =
        call.late
            // due within 10–60 s of being posted: during the load and the kills
            ? OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(59).minusSeconds(call.index % 50)
            : OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2);
    call.json = call.late ? generator.next(reportedAt, 2) : generator.next(reportedAt, null);
    call.incidentRef = Json.read(call.json).get("incidentRef").asText();
    int node = call.index % 2;
    for (int attempt = 0; ; attempt++) {
      String outcome;
      try {
        long sent = System.nanoTime();
        Api.Answer answer = apis.get(node).post("/api/calls", Api.POLICE, call.json, Duration.ofSeconds(timeoutSeconds));
        outcome = Integer.toString(answer.status());
        if (answer.status() == 201 || answer.status() == 200) {
          latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
          JsonNode body = answer.json();
          call.caseRef = body.path("caseRef").asText(null);
          call.processInstanceId = body.path("processInstanceId").asText(null);
          String due = body.path("responseDueAt").asText(null);
          call.responseDueAt = due == null ? null : OffsetDateTime.parse(due);
          synchronized (call.attempts) {
            call.attempts.add("AB".charAt(node) + ":" + outcome);
          }
          call.status = answer.status();
          return;
        }
        if (answer.status() < 500) {
          // 4xx: the call or the idempotency is wrong; sending it again would not help
          synchronized (call.attempts) {
            call.attempts.add("AB".charAt(node) + ":" + outcome);
          }
          call.status = answer.status();
          return;
        }
      } catch (HttpTimeoutException e) {
        outcome = "timeout";
      } catch (java.net.ConnectException e) {
        // nobody listening: the node is down or still starting
        outcome = "refused";
      } catch (IOException e) {
        // the connection broke mid-request: the node died with the call in hand
        outcome = "io";
      }
      synchronized (call.attempts) {
        call.attempts.add("AB".charAt(node) + ":" + outcome);
      }
      if (System.nanoTime() > deadline) {
        call.status = -1;
        return;
      }
      node = 1 - node;
      if (attempt % 2 == 1) {
        // both nodes failed it: give a restarting node a moment
        Pause.millis(500);
      }
    }
  }

  private void killAndRestart(
      ServiceNode node, String label, Duration startTimeout, BooleanSupplier when, AtomicInteger answered, Map<String, Object> kills)
      throws IOException, InterruptedException {
    while (!when.getAsBoolean()) {
      Pause.millis(50);
    }
    long pid = node.pid();
    int answeredBefore = answered.get();
    double killedAt = now();
    node.kill9();
    event("kill -9 " + label, "pid " + pid + " after " + answeredBefore + " answered calls");
    node.start(startTimeout);
    double upAt = now();
    event(label + " up again", "restart " + seconds(node.startUp()) + " s, down " + Load.round(upAt - killedAt) + " s");
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("killedAtSecond", Load.round(killedAt));
    k.put("answeredBefore", answeredBefore);
    k.put("upAgainAtSecond", Load.round(upAt));
    k.put("downSeconds", Load.round(upAt - killedAt));
    k.put("restartSeconds", seconds(node.startUp()));
    kills.put(label, k);
  }

  // ---- quiet ----

  record Quiet(boolean reached, OffsetDateTime at, double waitedSeconds, Map<String, Long> last) {
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reached", reached);
      m.put("at", at.toString());
      m.put("waitedSeconds", waitedSeconds);
      m.put("last", last);
      return m;
    }

    @Override
    public String toString() {
      return (reached ? "quiet after " : "still busy after ") + waitedSeconds + " s: " + last;
    }
  }

  private static final String BACKLOG =
      "select now(),"
          + " (select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
          + "    and (duedate_ is null or duedate_ <= now()) and handler_type_ <> 'history-cleanup') as executable,"
          + " (select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
          + "    and (duedate_ is null or duedate_ <= now()) and handler_type_ <> 'history-cleanup'"
          + "    and lock_exp_time_ > now()) as locked,"
          + " (select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= now()"
          + "    and handler_type_ <> 'history-cleanup') as due_timers,"
          + " (select count(*) from act_ru_ext_task) as external_tasks,"
          + " (select count(*) from act_ru_incident) as incidents";

  /**
   * Until no job is due (locked or not), no timer is due, no external task is open and the last
   * late call's response window has ended; at most {@code bound}.
   */
  private Quiet awaitQuiet(Duration bound, OffsetDateTime lastLateDue, List<ServiceNode> nodes) throws SQLException {
    long start = System.nanoTime();
    long deadline = start + bound.toNanos();
    Map<String, Long> last = Map.of();
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
    while (true) {
      try (Connection c = Pg.connect(DATABASE); Statement s = c.createStatement(); ResultSet r = s.executeQuery(BACKLOG)) {
        r.next();
        at = r.getObject(1, OffsetDateTime.class);
        last = new LinkedHashMap<>();
        for (String column : List.of("executable", "locked", "due_timers", "external_tasks", "incidents")) {
          last.put(column, r.getLong(column));
        }
      }
      boolean quiet =
          last.get("executable") == 0 && last.get("due_timers") == 0 && last.get("external_tasks") == 0
              && at.isAfter(lastLateDue.plusSeconds(2))
              && nodes.stream().allMatch(ServiceNode::alive);
      double waited = Load.round((System.nanoTime() - start) / 1e9);
      if (quiet) {
        return new Quiet(true, at, waited, last);
      }
      if (System.nanoTime() > deadline) {
        return new Quiet(false, at, waited, last);
      }
      Pause.millis(2000);
    }
  }

  // ---- the checks ----

  /**
   * The police system's retry after the fact: {@code count} answered calls (every n-th) sent again,
   * the same JSON, to the node that did not answer them; each must get 200 with the first answer.
   */
  private void checkRepeats(List<Call> all, List<Api> apis, int count, Checks checks) {
    List<Call> answered = all.stream().filter(c -> c.status == 201 || c.status == 200).toList();
    if (count <= 0 || answered.isEmpty()) {
      return;
    }
    int step = Math.max(1, answered.size() / count);
    List<String> wrong = new ArrayList<>();
    int sent = 0;
    for (int i = 0; i < answered.size() && sent < count; i += step, sent++) {
      Call call = answered.get(i);
      String last;
      synchronized (call.attempts) {
        last = call.attempts.get(call.attempts.size() - 1);
      }
      int other = last.charAt(0) == 'A' ? 1 : 0;
      try {
        Api.Answer again = apis.get(other).post("/api/calls", Api.POLICE, call.json, Duration.ofSeconds(20));
        JsonNode body = again.status() == 200 ? again.json() : null;
        if (body == null
            || !body.path("caseRef").asText().equals(call.caseRef)
            || !body.path("processInstanceId").asText().equals(call.processInstanceId)) {
          wrong.add(call.incidentRef + ": " + again.status() + " " + (body == null ? again.body() : body.path("caseRef").asText()));
        }
      } catch (IOException e) {
        wrong.add(call.incidentRef + ": " + e);
      }
    }
    checks.add(
        "a call sent again gets 200 and the first answer",
        wrong.isEmpty(),
        sent + " answered calls sent again to the other node; wrong: " + Checks.sample(wrong, 3));
  }

  private void checkIntake(List<Call> all, Checks checks) throws SQLException {
    String prefix = all.isEmpty() ? "none" : all.get(0).incidentRef.substring(0, all.get(0).incidentRef.lastIndexOf('-') + 1);
    Map<String, StoredCall> byRef = StoredCall.byIncidentRef(DATABASE, prefix);
    List<String> wrong = new ArrayList<>();
    for (Call call : all) {
      StoredCall row = byRef.get(call.incidentRef);
      boolean answered = call.status == 201 || call.status == 200;
      if (row == null) {
        if (answered) {
          wrong.add(call.incidentRef + ": answered " + call.status + " but no incident row");
        }
        continue;
      }
      if (!answered) {
        wrong.add(call.incidentRef + ": not answered but stored");
      }
      if (!row.onceEach()) {
        wrong.add(call.incidentRef + ": " + row.incidents() + " incidents, " + row.cases() + " cases, " + row.instances() + " EarlyActionCase instances");
      }
      if (answered && !row.caseRef().equals(call.caseRef)) {
        wrong.add(call.incidentRef + ": answered case " + call.caseRef + ", stored " + row.caseRef());
      }
      if (answered && (!row.caseProcessInstanceId().equals(call.processInstanceId) || !row.firstInstanceId().equals(call.processInstanceId))) {
        wrong.add(call.incidentRef + ": answered process " + call.processInstanceId + ", case has " + row.caseProcessInstanceId() + ", history " + row.firstInstanceId());
      }
    }
    long stored = byRef.size();
    long[] totals = StoredCall.casesAndInstances(DATABASE);
    long cases = totals[0];
    long instances = totals[1];
    if (cases != instances) {
      wrong.add(cases + " cases but " + instances + " EarlyActionCase instances");
    }
    checks.add(
        "one incident, one case, one EarlyActionCase instance per answered call",
        wrong.isEmpty() && stored == all.size(),
        stored + " incidents stored for " + all.size() + " calls; " + cases + " cases, " + instances + " instances; wrong: "
            + Checks.sample(wrong, 3));
  }

  private void checkTimers(List<Call> all, OffsetDateTime cutoff, Checks checks) throws SQLException {
    List<List<Object>> rows =
        Pg.rows(
            DATABASE,
            "select c.case_ref, c.response_due_at, c.response_missed_at, c.visited_at,"
                + " (select count(*) from act_hi_actinst a where a.proc_inst_id_ = c.process_instance_id and a.act_id_ = '" + LATE_TIMER + "'),"
                + " (select count(*) from act_hi_actinst a where a.proc_inst_id_ = c.process_instance_id and a.act_id_ = '" + LATE_TASK + "'),"
                + " (select count(*) from ear_case_audit u where u.case_ref = c.case_ref and u.action = 'RESPONSE_WINDOW_MISSED'),"
                + " (select count(*) from act_ru_job j where j.process_instance_id_ = c.process_instance_id and j.type_ = 'timer'"
                + "    and j.handler_cfg_ like '%" + LATE_TIMER + "%')"
                + " from ear_case c");
    List<String> twice = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    long due = 0;
    long fired = 0;
    for (List<Object> row : rows) {
      OffsetDateTime dueAt = row.get(1) == null ? null : toOffset(row.get(1));
      long timer = ((Number) row.get(4)).longValue();
      long task = ((Number) row.get(5)).longValue();
      long audit = ((Number) row.get(6)).longValue();
      long pending = ((Number) row.get(7)).longValue();
      fired += timer;
      if (timer > 1 || task > 1 || audit > 1) {
        twice.add(row.get(0) + " (timer " + timer + ", task " + task + ", audit " + audit + ")");
      }
      if (dueAt != null && !dueAt.isAfter(cutoff)) {
        due++;
        if (timer != 1 || task != 1 || row.get(2) == null || pending != 0) {
          missing.add(row.get(0) + " due " + dueAt + " (timer " + timer + ", task " + task + ", missed_at " + row.get(2) + ", job left " + pending + ")");
        }
      }
    }
    long lateCalls = all.stream().filter(c -> c.late).count();
    List<Object> late =
        Pg.rows(
                DATABASE,
                "select count(*), round(percentile_cont(0.5) within group (order by s)::numeric, 2),"
                    + " round(percentile_cont(0.99) within group (order by s)::numeric, 2), round(max(s)::numeric, 2),"
                    + " count(*) filter (where s < 0)"
                    + " from (select extract(epoch from a.start_time_ - c.response_due_at) as s from ear_case c"
                    + " join act_hi_actinst a on a.proc_inst_id_ = c.process_instance_id and a.act_id_ = '" + LATE_TIMER + "') x")
            .get(0);
    timerLateness.put("fired", late.get(0));
    timerLateness.put("p50Seconds", late.get(1));
    timerLateness.put("p99Seconds", late.get(2));
    timerLateness.put("maxSeconds", late.get(3));
    timerLateness.put("early", late.get(4));
    checks.add("no timer fired twice", twice.isEmpty(), fired + " response-window timers fired; twice: " + Checks.sample(twice, 3));
    checks.add(
        "every due response-window timer fired once",
        missing.isEmpty() && due >= lateCalls,
        due + " windows ended by " + cutoff + " (" + lateCalls + " late calls); not fired once: " + Checks.sample(missing, 3));
  }

  private void checkExternalTasks(List<Call> all, ExternalTaskWorkers workers, Checks checks) throws SQLException {
    List<String> twice = new ArrayList<>(workers.completedTwice());
    List<List<Object>> doubled =
        Pg.rows(
            DATABASE,
            "select proc_inst_id_, act_id_, count(*) from act_hi_actinst"
                + " where act_id_ in ('" + NOTIFY_TASK + "', '" + ALERT_TASK + "') and end_time_ is not null"
                + " group by proc_inst_id_, act_id_ having count(*) > 1");
    doubled.forEach(r -> twice.add("instance " + r.get(0) + ": " + r.get(1) + " ended " + r.get(2) + " times"));
    List<List<Object>> logged =
        Pg.rows(
            DATABASE,
            "select ext_task_id_, count(*) from act_hi_ext_task_log where state_ = 2 group by ext_task_id_ having count(*) > 1");
    logged.forEach(r -> twice.add("external task " + r.get(0) + " logged successful " + r.get(1) + " times"));
    long notified =
        Pg.count(
            DATABASE,
            "select count(distinct proc_inst_id_) from act_hi_actinst where act_id_ = '" + NOTIFY_TASK + "' and end_time_ is not null");
    long successes = Pg.count(DATABASE, "select count(*) from act_hi_ext_task_log where state_ = 2");
    long instances = Pg.count(DATABASE, "select count(*) from act_hi_procinst where proc_def_key_ = 'EarlyActionCase'");
    checks.add(
        "no external task completed twice",
        twice.isEmpty(),
        workers.completed() + " tasks answered 204 here, " + successes + " successful completions logged by the engine; answers "
            + workers.outcomes() + "; twice: " + Checks.sample(twice, 3));
    checks.add(
        "every case's police notification done",
        notified == instances,
        notified + " of " + instances + " EarlyActionCase instances passed " + NOTIFY_TASK);
  }

  private void checkNothingStuck(Checks checks) throws SQLException {
    long incidents = Pg.count(DATABASE, "select count(*) from act_ru_incident");
    List<List<Object>> kinds =
        Pg.rows(DATABASE, "select incident_type_, activity_id_, left(incident_msg_, 120), count(*) from act_ru_incident group by 1, 2, 3");
    checks.add("no incidents", incidents == 0, incidents + " incidents " + Checks.sample(kinds, 3));
    long overdue =
        Pg.count(
            DATABASE,
            "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 and handler_type_ <> 'history-cleanup'"
                + " and coalesce(duedate_, create_time_) < now() - interval '1 minute'");
    long exhausted = Pg.count(DATABASE, "select count(*) from act_ru_job where retries_ = 0");
    long lessRetries = Pg.count(DATABASE, "select count(*) from act_ru_job where retries_ between 1 and 2");
    checks.add(
        "no job stuck",
        overdue == 0 && exhausted == 0,
        overdue + " executable jobs due over a minute ago, " + exhausted + " with no retries left (" + lessRetries
            + " failed once or twice and wait)");
  }

  // ---- small things ----

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(value.toString());
  }

  private double now() {
    return (System.nanoTime() - began) / 1e9;
  }

  private static double seconds(Duration d) {
    return d == null ? -1 : Load.round(d.toMillis() / 1000.0);
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
