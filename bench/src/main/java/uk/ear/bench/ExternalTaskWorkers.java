package uk.ear.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The external-task workers, played inside a reliability run: one loop per node fetches and locks
 * the given topics as the {@code workers} service account and completes each task at once (no
 * variables: the workers app sends none either). A completion that fails on its node (connection
 * lost, 5xx) is tried once on the other node with the same worker id; otherwise the lock expires
 * and the task is fetched again. Every answer to a completion is kept per external task id.
 */
final class ExternalTaskWorkers implements AutoCloseable {

  private final List<Api> nodes;
  private final List<String> topics;
  private final Duration lock;
  private final String run;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  /** external task id → the answers to its completions, in order ("204", "404", "io", ...). */
  private final Map<String, List<String>> completions = new ConcurrentHashMap<>();
  private final Map<String, String> topicOf = new ConcurrentHashMap<>();
  private final AtomicLong fetched = new AtomicLong();
  private final AtomicLong fetchErrors = new AtomicLong();

  ExternalTaskWorkers(List<Api> nodes, List<String> topics, Duration lock, String run) {
    this.nodes = nodes;
    this.topics = topics;
    this.lock = lock;
    this.run = run;
  }

  ExternalTaskWorkers start() {
    for (int i = 0; i < nodes.size(); i++) {
      int node = i;
      Thread t = new Thread(() -> loop(node), "worker-" + node);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    return this;
  }

  private void loop(int node) {
    String workerId = "bench-worker-" + run + "-" + node;
    Api api = nodes.get(node);
    while (running) {
      try {
        Api.Answer answer = api.post("/engine-rest/external-task/fetchAndLock", Api.WORKERS, fetchBody(workerId), Duration.ofSeconds(15));
        if (answer.status() != 200) {
          fetchErrors.incrementAndGet();
          Pause.millis(500);
          continue;
        }
        JsonNode tasks = answer.json();
        if (tasks.isEmpty()) {
          Pause.millis(300);
          continue;
        }
        for (JsonNode task : tasks) {
          fetched.incrementAndGet();
          topicOf.put(task.get("id").asText(), task.get("topicName").asText());
          complete(node, workerId, task.get("id").asText());
        }
      } catch (IOException | RuntimeException e) {
        // the node is down or restarting
        fetchErrors.incrementAndGet();
        Pause.millis(500);
      }
    }
  }

  private String fetchBody(String workerId) {
    List<Map<String, Object>> wanted = new ArrayList<>();
    for (String topic : topics) {
      wanted.add(Map.of("topicName", topic, "lockDuration", lock.toMillis()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workerId", workerId);
    body.put("maxTasks", 20);
    body.put("usePriority", false);
    body.put("topics", wanted);
    return Json.write(body);
  }

  private void complete(int node, String workerId, String taskId) {
    String body = Json.write(Map.of("workerId", workerId, "variables", Map.of()));
    for (int attempt = 0; attempt < 2; attempt++) {
      Api api = nodes.get((node + attempt) % nodes.size());
      String outcome;
      try {
        outcome = Integer.toString(
            api.post("/engine-rest/external-task/" + taskId + "/complete", Api.WORKERS, body, Duration.ofSeconds(15)).status());
      } catch (IOException e) {
        outcome = "io";
      }
      completions.computeIfAbsent(taskId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(outcome);
      if (!outcome.equals("io") && !outcome.startsWith("5")) {
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(30_000);
    }
  }

  long fetched() {
    return fetched.get();
  }

  long fetchErrors() {
    return fetchErrors.get();
  }

  Map<String, List<String>> completions() {
    return completions;
  }

  String topicOf(String taskId) {
    return topicOf.get(taskId);
  }

  /** How many completions got each answer. */
  Map<String, Long> outcomes() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    completions.values().forEach(list -> {
      synchronized (list) {
        list.forEach(o -> counts.merge(o, 1L, Long::sum));
      }
    });
    return counts;
  }

  /** External task ids that were answered 204 more than once. */
  List<String> completedTwice() {
    List<String> twice = new ArrayList<>();
    completions.forEach((id, list) -> {
      synchronized (list) {
        if (list.stream().filter("204"::equals).count() > 1) {
          twice.add(id + " " + list);
        }
      }
    });
    return twice;
  }

  long completed() {
    return completions.values().stream()
        .filter(list -> {
          synchronized (list) {
            return list.contains("204");
          }
        })
        .count();
  }
}
