package uk.ear.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import uk.ear.bench.Api.Answer;
import uk.ear.bench.Api.Auth;

/**
 * The benchmark of issue #14, in one run on one PostgreSQL database ({@code ear_bench}, recreated):
 * intake against a bare engine start and pgbench, intake latency at a fixed rate, SQL statements
 * and transactions per operation, Tasklist's query over many open tasks with and without
 * authorization, lateness of many deadlines due at once, heap and start-up. Prints a Markdown
 * table and writes {@code results.json} and {@code results.md} under {@code --out} (target/bench).
 */
final class Benchmark {

  private static final String DB = "ear_bench";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Auth POLICE = Api.POLICE;
  private static final Auth BENCH = Api.BENCH;
  private static final Auth ADMIN = Api.ADMIN;

  private final Options options;
  private final int clients;
  private final Duration seconds;
  private final Set<String> skip;
  private final Path out;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();
  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  private final Calls calls = new Calls(run);
  private ServiceNode node;
  private Api api;

  Benchmark(Options options) {
    this.options = options;
    this.clients = options.integer("clients", 8);
    this.seconds = Duration.ofSeconds(options.integer("seconds", 30));
    this.skip = Set.of(options.text("skip", "").split(","));
    this.out = options.out();
  }

  int run() throws Exception {
    Files.createDirectories(out);
    results.put("startedAt", Instant.now().toString());
    results.put("machine", machine());
    try {
      if (!skip.contains("h2")) {
        startUpOnH2();
      }
      Pg.recreate(DB);
      node = ServiceNode.create("bench-pg", options.integer("port", 18090), out, "postgres,demo", pgProperties(false), options.text("heap", "1g"));
      node.start();
      row("Start-up, PostgreSQL, empty database (schema created)", fmt(secs(node.startUp())) + " s", "", "");
      results.put("startUpPostgresFirstSeconds", secs(node.startUp()));
      api = new Api(node.baseUrl());
      prepareBenchAccount();
      results.put("settings", settings());

      intakeAgainstBareEngine();
      if (!skip.contains("rate")) {
        fixedRate();
      }
      if (!skip.contains("pgbench")) {
        pgbench();
      }
      if (!skip.contains("timers")) {
        timers();
      }
      if (!skip.contains("tasks")) {
        taskLists();
      }
      heap();
      if (!skip.contains("sql") || !skip.contains("restart")) {
        // the statement counter (a JDBC proxy) costs time on every call: only this last part runs with it
        node.stop();
        node = ServiceNode.create("bench-pg-counting", options.integer("port", 18090), out, "postgres,demo", pgProperties(true), options.text("heap", "1g"));
        node.start();
        row("Start-up, PostgreSQL, after the run (schema and data there)", fmt(secs(node.startUp())) + " s", "", "");
        results.put("startUpPostgresRestartSeconds", secs(node.startUp()));
        if (!skip.contains("sql")) {
          sqlPerOperation();
        }
      }
    } finally {
      if (node != null) {
        node.stop();
      }
      results.put("endedAt", Instant.now().toString());
      write();
    }
    return 0;
  }

  // ---------------------------------------------------------------- set-up

  private Map<String, String> pgProperties(boolean countStatements) {
    Map<String, String> p = ServiceNode.benchProperties();
    p.put("ear.jdbc.count-statements", Boolean.toString(countStatements));
    p.put("spring.datasource.url", Pg.url(DB));
    p.putAll(options.serviceProperties());
    return p;
  }

  /** The benchmark's service account may start its bare process and work that process's tasks, nothing else. */
  private void prepareBenchAccount() throws IOException {
    api.post("/engine-rest/group/create", ADMIN, Json.write(Map.of("id", "benchmark", "name", "Benchmark", "type", "SYSTEM"))).expect(204);
    api.post(
            "/engine-rest/user/create",
            ADMIN,
            Json.write(
                Map.of(
                    "profile", Map.of("id", "bench", "firstName", "Bench", "lastName", "Account"),
                    "credentials", Map.of("password", "Xq7#" + java.util.UUID.randomUUID() + "-Zz9!"))))
        .expect(204);
    api.put("/engine-rest/group/benchmark/members/bench", ADMIN, null).expect(204);
    grant(6, "BenchBareStart", "READ", "CREATE_INSTANCE");
    grant(6, "BenchTaskLoad", "READ", "CREATE_INSTANCE");
    grant(6, "BenchBareDeadline", "READ", "CREATE_INSTANCE");
    grant(8, "*", "CREATE");
    for (String model : List.of("BenchBareStart.bpmn", "BenchTaskLoad.bpmn", "BenchBareDeadline.bpmn")) {
      try (InputStream in = Benchmark.class.getResourceAsStream("/bench/" + model)) {
        api.deploy("bench-" + model, model, in.readAllBytes(), ADMIN).expect(200);
      }
    }
  }

  private void grant(int resourceType, String resourceId, String... permissions) throws IOException {
    api.post(
            "/engine-rest/authorization/create",
            ADMIN,
            Json.write(
                Map.of(
                    "type", 1,
                    "permissions", List.of(permissions),
                    "userId", "bench",
                    "resourceType", resourceType,
                    "resourceId", resourceId)))
        .expect(200);
  }

  // ---------------------------------------------------------------- 1. throughput

  private Load.Op intake() {
    return n -> api.post("/api/calls", POLICE, calls.next()).status();
  }

  private Load.Op bareStart() {
    return n -> api.post("/engine-rest/process-definition/key/BenchBareStart/start", BENCH, "{}").status();
  }

  private void intakeAgainstBareEngine() throws Exception {
    Duration warmUp = Duration.ofSeconds(options.integer("warmup", 15));
    Load.closed("warm-up intake", clients, warmUp, intake());
    Load.closed("warm-up bare", clients, warmUp, bareStart());
    drainJobs();
    Load.Result intake = Load.closed("intake", clients, seconds, intake());
    drainJobs();
    Load.Result bare = Load.closed("bare engine start", clients, seconds, bareStart());
    drainJobs();
    results.put("intake", intake.asMap());
    results.put("bareEngineStart", bare.asMap());
    double ratio = intake.perSecond() / bare.perSecond();
    results.put("intakeToBareRatio", Load.round(ratio * 100) / 100.0);
    row("Intake `POST /api/calls`, " + clients + " clients", fmt(intake.perSecond()) + "/s", ms(intake), intake.failed() + " failed");
    row("Bare engine start (1 user task + 48 h timer), " + clients + " clients", fmt(bare.perSecond()) + "/s", ms(bare), bare.failed() + " failed");
    row("**Intake ÷ bare engine** (target ≥ 80 %)", pct(ratio), "", verdict(ratio >= 0.8));
  }

  // ---------------------------------------------------------------- 2. latency at a fixed rate

  private void fixedRate() throws Exception {
    double rate = options.integer("rate", 20);
    Load.Result fixed = Load.open("intake at fixed rate", rate, seconds, intake());
    drainJobs();
    results.put("intakeFixedRate", fixed.asMap());
    row("Intake at " + fmt(rate) + " calls/s offered (p95 target < 50 ms)", fmt(fixed.perSecond()) + "/s", ms(fixed), verdict(fixed.p95() < 50));
  }

  // ---------------------------------------------------------------- 3. SQL per operation

  private void sqlPerOperation() throws Exception {
    int count = options.integer("sql-ops", 100);
    Map<String, Object> sql = new LinkedHashMap<>();
    List<String> processInstances = Collections.synchronizedList(new ArrayList<>());
    Load.Result single =
        measureSql(
            sql, "intake", count,
            n -> {
              Answer a = api.post("/api/calls", POLICE, calls.next(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2), 2));
              if (a.status() == 201) {
                processInstances.add(a.json().get("processInstanceId").asText());
              }
              return a.status();
            });
    row("Intake, one client at a time", fmt(single.perSecond()) + "/s", ms(single), "");
    results.put("intakeSingleClient", single.asMap());
    measureSql(sql, "bare engine start", count, n -> api.post("/engine-rest/process-definition/key/BenchBareStart/start", BENCH, "{}").status());

    // completions: the joint visits of the cases just opened, as their team's worker in Tasklist would submit them
    List<String[]> visits = new ArrayList<>();
    for (String pid : processInstances) {
      JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=Task_RecordJointVisit", ADMIN).expect(200).json();
      if (tasks.size() == 1) {
        String id = tasks.get(0).get("id").asText();
        visits.add(new String[] {id, workerFor(id)});
      }
    }
    Load.Result complete =
        measureSql(
            sql, "task completion (Record joint visit)", visits.size(),
            n -> {
              String[] v = visits.get((int) n - 1);
              return api.post("/engine-rest/task/" + v[0] + "/submit-form", Auth.basic(v[1], "demo"), jointVisit()).status();
            });
    results.put("completeJointVisit", complete.asMap());
    JsonNode bareTasks = api.get("/engine-rest/task?processDefinitionKey=BenchBareStart&assignee=bench&maxResults=" + count, BENCH).expect(200).json();
    List<String> bareIds = new ArrayList<>();
    bareTasks.forEach(t -> bareIds.add(t.get("id").asText()));
    Load.Result bareComplete =
        measureSql(sql, "task completion (bare)", bareIds.size(),
            n -> api.post("/engine-rest/task/" + bareIds.get((int) n - 1) + "/complete", BENCH, "{}").status());
    results.put("completeBare", bareComplete.asMap());
    results.put("sqlPerOperation", sql);
    for (var e : sql.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) e.getValue();
      row("SQL per " + e.getKey(), m.get("statements") + " statements in " + m.get("roundTrips") + " round trips, " + m.get("commits") + " commits",
          "request " + m.get("requestStatements") + " + jobs " + m.get("jobStatements"), "");
    }
    double intakeSql = figure(sql, "intake", "statements");
    double bareSql = figure(sql, "bare engine start", "statements");
    double completeSql = figure(sql, "task completion (Record joint visit)", "statements");
    double bareCompleteSql = figure(sql, "task completion (bare)", "statements");
    row("**SQL: intake − bare start** (target ≤ 10)", fmt(intakeSql - bareSql), "", verdict(intakeSql - bareSql <= 10));
    row("**SQL: completion − bare completion** (target ≤ 10)", fmt(completeSql - bareCompleteSql), "", verdict(completeSql - bareCompleteSql <= 10));
  }

  /** Runs {@code count} operations one at a time and counts the statements they caused, the job executor's included. */
  private Load.Result measureSql(Map<String, Object> sql, String name, int count, Load.Op op) throws Exception {
    drainJobs();
    Map<String, Double> before = counters();
    Map<String, Double> scrape = delta(before, counters());
    before = counters();
    Load.Result result = Load.sequential(name, count, op);
    drainJobs();
    Map<String, Double> used = delta(before, counters());
    // less the two scrapes' own queries (the service's gauges), measured just before
    Map<String, Object> m = new LinkedHashMap<>();
    double ops = Math.max(1, result.ok());
    double statements = (sum(used, "statements") - sum(scrape, "statements")) / ops;
    m.put("operations", result.ok());
    m.put("statements", Load.round(statements));
    m.put("requestStatements", Load.round((sum(used, "statements", "request") - sum(scrape, "statements", "request")) / ops));
    m.put("jobStatements", Load.round(sum(used, "statements", "job") / ops));
    m.put("selects", Load.round((sum(used, "statements", "select") - sum(scrape, "statements", "select")) / ops));
    m.put("writes", Load.round((sum(used, "statements", "insert") + sum(used, "statements", "update") + sum(used, "statements", "delete")) / ops));
    m.put("roundTrips", Load.round((sum(used, "executions") - sum(scrape, "executions")) / ops));
    m.put("commits", Load.round((sum(used, "commits") - sum(scrape, "commits")) / ops));
    m.put("rollbacks", Load.round(sum(used, "rollbacks") / ops));
    m.put("latency", result.asMap());
    sql.put(name, m);
    return result;
  }

  private static final Pattern COUNTER =
      Pattern.compile("^ear_jdbc_(statements|executions|commits|rollbacks)_total\\{([^}]*)\\} ([0-9.E+-]+)$", Pattern.MULTILINE);

  private Map<String, Double> counters() throws IOException {
    String text = api.get("/actuator/prometheus", ADMIN).expect(200).body();
    Map<String, Double> values = new HashMap<>();
    Matcher m = COUNTER.matcher(text);
    while (m.find()) {
      values.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
    }
    return values;
  }

  /** A number of one of the nested result maps, e.g. the intake's {@code perSecond}. */
  @SuppressWarnings("unchecked")
  private static double figure(Map<String, Object> maps, String name, String key) {
    return ((Number) ((Map<String, Object>) maps.get(name)).get(key)).doubleValue();
  }

  private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> d = new HashMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
    return d;
  }

  /** The sum of the counters whose name and labels contain every filter word. */
  private static double sum(Map<String, Double> values, String... filters) {
    return values.entrySet().stream()
        .filter(e -> Arrays.stream(filters).allMatch(f -> e.getKey().startsWith(f) || e.getKey().contains("\"" + f + "\"")))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private String workerFor(String taskId) throws IOException {
    JsonNode links = api.get("/engine-rest/task/" + taskId + "/identity-links?type=candidate", ADMIN).expect(200).json();
    for (JsonNode link : links) {
      String group = link.path("groupId").asText("");
      switch (group) {
        case "ear-preston": return "sw.preston1";
        case "ear-burnley": return "sw.burnley1";
        case "emergency-duty-team": return "edt.duty";
        default: break;
      }
    }
    return "sw.preston1";
  }

  private static String jointVisit() {
    String visited = LocalDateTime.now(LONDON).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("visitedAt", Map.of("value", visited, "type", "String"));
    v.put("visitAttendees", Map.of("value", "PC Bench and a social worker", "type", "String"));
    v.put("personSeen", Map.of("value", true, "type", "Boolean"));
    v.put("abuseDisclosed", Map.of("value", false, "type", "Boolean"));
    v.put("ppuInvolved", Map.of("value", false, "type", "Boolean"));
    v.put("riskLevel", Map.of("value", "LOW", "type", "String"));
    v.put("visitNotes", Map.of("value", "Seen at home with a parent; safe for now.", "type", "String"));
    return Json.write(Map.of("variables", v));
  }

  // ---------------------------------------------------------------- pgbench

  private void pgbench() throws Exception {
    String db = "ear_pgbench";
    Pg.recreate(db);
    exec(List.of("pgbench", "-h", Pg.HOST, "-p", Integer.toString(Pg.PORT), "-U", Pg.USER, "-i", "-q", "-s", "10", db));
    String time = Long.toString(Math.max(10, seconds.toSeconds() / 2));
    double tpcb = tps(exec(List.of("pgbench", "-h", Pg.HOST, "-p", Integer.toString(Pg.PORT), "-U", Pg.USER, "-n", "-c", Integer.toString(clients), "-j", "2", "-T", time, db)));
    double select = tps(exec(List.of("pgbench", "-h", Pg.HOST, "-p", Integer.toString(Pg.PORT), "-U", Pg.USER, "-n", "-S", "-c", Integer.toString(clients), "-j", "2", "-T", time, db)));
    try (Connection c = Pg.connect("postgres")) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
    results.put("pgbenchTpcB", tpcb);
    results.put("pgbenchSelectOnly", select);
    double intake = figure(results, "intake", "perSecond");
    double bare = figure(results, "bareEngineStart", "perSecond");
    row("pgbench TPC-B (scale 10), " + clients + " clients", fmt(tpcb) + " tx/s", "", "intake = " + pct(intake / tpcb) + ", bare = " + pct(bare / tpcb));
    row("pgbench select-only (`-S`), " + clients + " clients", fmt(select) + " tx/s", "", "intake = " + pct(intake / select));
  }

  private static double tps(String output) {
    Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no tps in pgbench output: " + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static String exec(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  // ---------------------------------------------------------------- 5. timers

  /**
   * {@code --timers} deadlines due at the same moment, twice: first the bare engine's (instances
   * of {@code BenchBareDeadline}, a user task whose non-interrupting timer ends a path), as the
   * yardstick, then the service's: Grade 2 calls logged at the same moment, so that their
   * response windows all end at once and the job executor must fire every "Response window
   * missed" escalation. Lateness is the timer event's start in the engine's history less the due
   * time.
   */
  private void timers() throws Exception {
    int count = options.integer("timers", 5000);
    Deadlines bare = deadlines(count, figure(results, "bareEngineStart", "perSecond"), "BoundaryEvent_WorkOverdue", dueAt -> {
      Answer a = api.post("/engine-rest/process-definition/key/BenchBareDeadline/start", BENCH,
          Json.write(Map.of("variables", Map.of("dueAt", Map.of("value", dueAt.toString(), "type", "String")))));
      return a.status() == 200 ? Map.entry(a.json().get("id").asText(), dueAt.toInstant()) : null;
    });
    Deadlines escalations = deadlines(count, figure(results, "intake", "perSecond"), "BoundaryEvent_ResponseWindowMissed", dueAt -> {
      // a Grade 2 call's window is an hour from when the police logged it
      Answer a = api.post("/api/calls", POLICE, calls.next(dueAt.minusHours(1), 2));
      if (a.status() != 201) {
        return null;
      }
      JsonNode body = a.json();
      return Map.entry(body.get("processInstanceId").asText(), OffsetDateTime.parse(body.get("responseDueAt").asText()).toInstant());
    });
    results.put("bareDeadlines", bare.asMap());
    results.put("timers", escalations.asMap());
    row("Bare engine: " + bare.due() + " deadlines at once (a user task's timer ending a path), " + bare.fired() + " fired",
        "late p50 " + fmt(bare.p50()) + " s", "p99 " + fmt(bare.p99()) + " s, last " + fmt(bare.last()) + " s", "");
    row("Escalations: " + escalations.due() + " response windows ending at once, " + escalations.fired() + " fired",
        "late p50 " + fmt(escalations.p50()) + " s", "p99 " + fmt(escalations.p99()) + " s, last " + fmt(escalations.last()) + " s",
        verdict(escalations.p99() < 10 && escalations.fired() == escalations.due()));
  }

  /** Creates one deadline: its process instance and when it is due, or null if refused. */
  private interface Deadline {
    Map.Entry<String, Instant> create(OffsetDateTime dueAt) throws Exception;
  }

  private record Deadlines(int sent, int due, int fired, int distinctDueTimes, long leadSeconds, Histogram lateness) {
    double p50() {
      return lateness.getValueAtPercentile(50) / 1000.0;
    }

    double p99() {
      return lateness.getValueAtPercentile(99) / 1000.0;
    }

    double last() {
      return lateness.getMaxValue() / 1000.0;
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sent", sent);
      m.put("deadlines", due);
      m.put("fired", fired);
      m.put("distinctDueTimes", distinctDueTimes);
      m.put("leadSeconds", leadSeconds);
      m.put("p50Seconds", p50());
      m.put("p99Seconds", p99());
      m.put("maxSeconds", last());
      return m;
    }
  }

  /**
   * Creates {@code count} deadlines all due at one moment far enough ahead for all of them to be
   * created at {@code rate} (measured earlier in the run), waits until each has fired (bounded)
   * and until the work they caused is done.
   */
  private Deadlines deadlines(int count, double rate, String timerEventId, Deadline deadline) throws Exception {
    long lead = Math.round(count / Math.max(5, rate * 0.7)) + 30;
    OffsetDateTime dueAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(lead).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Instant> dueOf = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(pool.submit(() -> {
        Map.Entry<String, Instant> created = deadline.create(dueAt);
        if (created != null) {
          dueOf.put(created.getKey(), created.getValue());
        }
        return null;
      }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    pool.shutdown();
    Instant created = Instant.now();
    Instant latestDue = dueOf.values().stream().max(Instant::compareTo).orElseThrow();
    Instant earliestDue = dueOf.values().stream().min(Instant::compareTo).orElseThrow();
    if (created.isAfter(earliestDue)) {
      throw new IllegalStateException("creating the deadlines took longer than the lead of " + lead + " s: raise it");
    }
    // wait for the deadlines and for every timer (bounded)
    Instant waitUntil = latestDue.plus(Duration.ofMinutes(15));
    List<Double> lateness = List.of();
    while (Instant.now().isBefore(waitUntil)) {
      Pause.millis(2000);
      lateness = lateness(dueOf, timerEventId);
      if (lateness.size() >= dueOf.size() && Instant.now().isAfter(latestDue)) {
        break;
      }
    }
    Histogram h = new Histogram(3);
    lateness.forEach(l -> h.recordValue(Math.max(0, Math.round(l * 1000))));
    drainJobs();
    return new Deadlines(count, dueOf.size(), lateness.size(), new java.util.HashSet<>(dueOf.values()).size(), lead, h);
  }

  private List<Double> lateness(Map<String, Instant> dueOf, String timerEventId) throws Exception {
    List<Double> late = new ArrayList<>();
    try (Connection c = Pg.connect(DB);
        PreparedStatement s = c.prepareStatement(
            "select proc_inst_id_, start_time_ from act_hi_actinst where act_id_ = ? and proc_inst_id_ = any (?)")) {
      s.setString(1, timerEventId);
      s.setArray(2, c.createArrayOf("varchar", dueOf.keySet().toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Instant fired = r.getTimestamp(2).toInstant();
          late.add(Duration.between(dueOf.get(r.getString(1)), fired).toMillis() / 1000.0);
        }
      }
    }
    return late;
  }

  // ---------------------------------------------------------------- 4. task lists at scale

  private void taskLists() throws Exception {
    int wanted = options.integer("open-tasks", 100_000);
    int perInstance = 1000;
    long began = System.nanoTime();
    long open = Pg.count(DB, "select count(*) from act_ru_task");
    int instances = (int) Math.max(0, Math.ceil((wanted - open) / (double) perInstance));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> started = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      int offset = i * 131;
      started.add(pool.submit(() ->
          api.post("/engine-rest/process-definition/key/BenchTaskLoad/start", BENCH,
                  Json.write(Map.of("variables", Map.of(
                      "tasks", Map.of("value", perInstance, "type", "Integer"),
                      "offset", Map.of("value", offset, "type", "Integer")))))
              .expect(200)));
    }
    for (Future<?> f : started) {
      f.get();
    }
    pool.shutdown();
    double fill = (System.nanoTime() - began) / 1e9;
    long tasks = Pg.count(DB, "select count(*) from act_ru_task");
    long authorizations = Pg.count(DB, "select count(*) from act_ru_authorization");
    exec(List.of("psql", "-h", Pg.HOST, "-p", Integer.toString(Pg.PORT), "-U", Pg.USER, "-d", DB, "-q", "-c", "VACUUM ANALYZE"));

    Webapp admin = Webapp.login(api, "admin", "demo");
    int repeats = options.integer("query-repeats", 200);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("openTasks", tasks);
    m.put("authorizations", authorizations);
    m.put("fillSeconds", Load.round(fill));
    // a large team's queue (the target) and one team holding a fifth of every open task; both
    // also hold the joint visits of the cases opened by the phases before
    m.put("largeTeamQueue", teamQueue(tasks, "sw.preston1", "ear-preston", admin, repeats, true));
    m.put("oneFifthQueue", teamQueue(tasks, "sw.burnley1", "ear-burnley", admin, repeats, false));
    results.put("taskList", m);
  }

  /** Tasklist's team filter as a member of the team, then the same query as administrator. */
  private Map<String, Object> teamQueue(long tasks, String user, String group, Webapp admin, int repeats, boolean target)
      throws Exception {
    Webapp worker = Webapp.login(api, user, "demo");
    String body = Json.write(Map.of(
        "candidateGroup", group,
        "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"), Map.of("sortBy", "priority", "sortOrder", "desc"))));
    Load.Result withAuth = Load.sequential("task list of " + group + ", authorization on", repeats, n -> worker.firstPageAndCount(body));
    Load.Result withoutAuth = Load.sequential("task list of " + group + ", authorization off (administrator)", repeats, n -> admin.firstPageAndCount(body));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", group);
    m.put("tasksInQueue", worker.lastCount());
    m.put("withAuthorization", withAuth.asMap());
    m.put("withoutAuthorization", withoutAuth.asMap());
    row("Tasklist team filter (" + group + ", " + worker.lastCount() + " of " + tasks + " open tasks), first page + count, authorization on"
            + (target ? " (p95 target < 100 ms)" : ""),
        "", ms(withAuth), target ? verdict(withAuth.p95() < 100) : "");
    row("The same as administrator (authorization checks skipped)", "", ms(withoutAuth), "");
    return m;
  }

  // ---------------------------------------------------------------- 6. heap

  private void heap() throws Exception {
    exec(List.of("jcmd", Long.toString(node.pid()), "GC.run"));
    double used =
        api.get("/actuator/metrics/jvm.memory.used?tag=area:heap", ADMIN).expect(200).json()
            .get("measurements").get(0).get("value").asDouble();
    long cases = Pg.count(DB, "select count(*) from ear_case where closed_at is null");
    long tasks = Pg.count(DB, "select count(*) from act_ru_task");
    results.put("heapAfterGcMiB", Load.round(used / 1024 / 1024));
    results.put("openCasesAtHeap", cases);
    results.put("openTasksAtHeap", tasks);
    row("Heap after a full GC, " + cases + " open cases and " + tasks + " open tasks", fmt(used / 1024 / 1024) + " MiB", "", "-Xmx" + options.text("heap", "1g"));
  }

  // ---------------------------------------------------------------- start-up on H2

  private void startUpOnH2() throws Exception {
    Path dir = out.resolve("h2");
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Map<String, String> p = ServiceNode.benchProperties();
    p.put("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("ear-cases"));
    p.putAll(options.serviceProperties());
    ServiceNode h2 = ServiceNode.create("bench-h2", options.integer("port", 18090) + 1, out, "demo", p, options.text("heap", "1g"));
    try {
      h2.start();
      double first = secs(h2.startUp());
      h2.stop();
      h2.start();
      double again = secs(h2.startUp());
      results.put("startUpH2FirstSeconds", first);
      results.put("startUpH2RestartSeconds", again);
      row("Start-up, H2 file database, empty (schema and demo users created)", fmt(first) + " s", "", "");
      row("Start-up, H2 file database, existing", fmt(again) + " s", "", "");
    } finally {
      h2.stop();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Waits (bounded) until no job is due: the async work of the operations just measured is done. */
  private void drainJobs() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      long due = Pg.count(DB, "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= now())");
      if (due == 0) {
        return;
      }
      Pause.millis(200);
    }
    System.err.println("jobs still due after 10 minutes");
  }

  private Map<String, Object> settings() throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("clients", clients);
    s.put("secondsPerPhase", seconds.toSeconds());
    s.put("profiles", "postgres,demo");
    s.put("heap", options.text("heap", "1g"));
    s.put("postgres", Pg.version());
    s.put("serviceProperties", pgProperties(false).entrySet().stream()
        .filter(e -> !e.getKey().contains("api-keys"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
    return s;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  private void row(String what, String rate, String latency, String note) {
    table.add(new String[] {what, rate, latency, note});
    System.out.println("| " + what + " | " + rate + " | " + latency + " | " + note + " |");
  }

  private void write() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("| Measure | Rate / figure | Latency (ms) or detail | Target |\n|---|---|---|---|\n");
    for (String[] r : table) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    Files.writeString(out.resolve("results.md"), md.toString());
    Files.writeString(out.resolve("results.json"), Json.write(results));
    System.out.println();
    System.out.println(md);
    System.out.println("written: " + out.resolve("results.md") + ", " + out.resolve("results.json"));
  }

  private static String ms(Load.Result r) {
    return "p50 " + fmt(r.p50()) + ", p95 " + fmt(r.p95()) + ", p99 " + fmt(r.p99());
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
  }

  private static String pct(double ratio) {
    return String.format("%.0f %%", ratio * 100);
  }

  private static double secs(Duration d) {
    return Load.round(d.toMillis() / 1000.0);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**not met**";
  }
}
