package uk.ear.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/** Closed-loop load (N clients, each sends its next request when the last one is answered) and open-loop load at a fixed rate. */
final class Load {

  /** One request; returns its HTTP status. */
  @FunctionalInterface
  interface Op {
    int call(long n) throws Exception;
  }

  record Result(
      String name, long ok, long failed, double seconds, double perSecond, double p50, double p95, double p99, double max,
      Map<Integer, Long> statuses) {

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("ok", ok);
      m.put("failed", failed);
      m.put("seconds", round(seconds));
      m.put("perSecond", round(perSecond));
      m.put("p50Ms", round(p50));
      m.put("p95Ms", round(p95));
      m.put("p99Ms", round(p99));
      m.put("maxMs", round(max));
      m.put("statuses", statuses);
      return m;
    }
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private Load() {}

  /** {@code clients} loops for {@code duration}; 2xx answers count as done. */
  static Result closed(String name, int clients, Duration duration, Op op) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong sequence = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    long began = System.nanoTime();
    long end = began + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      loops.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  int status = attempt(op, sequence.incrementAndGet());
                  recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                  count(status, ok, failed, statuses);
                }
              }));
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - began) / 1e9;
    return result(name, recorder.getIntervalHistogram(), ok.get(), failed.get(), seconds, statuses);
  }

  /**
   * {@code rate} requests a second for {@code duration}, each sent at its planned time whatever the
   * previous ones are doing; its latency counts from that planned time (no coordinated omission).
   */
  static Result open(String name, double rate, Duration duration, Op op) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    long total = Math.round(rate * duration.toSeconds());
    long interval = Math.round(1e9 / rate);
    ExecutorService pool = Executors.newCachedThreadPool();
    long began = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long planned = began + i * interval;
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long n = i + 1;
      pool.execute(
          () -> {
            int status = attempt(op, n);
            recorder.recordValue(Math.max(1, (System.nanoTime() - planned) / 1000));
            count(status, ok, failed, statuses);
          });
    }
    pool.shutdown();
    pool.awaitTermination(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - began) / 1e9;
    return result(name, recorder.getIntervalHistogram(), ok.get(), failed.get(), seconds, statuses);
  }

  /** {@code count} requests one after another (no concurrency). */
  static Result sequential(String name, int count, Op op) {
    Histogram histogram = new Histogram(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    long began = System.nanoTime();
    for (int i = 1; i <= count; i++) {
      long start = System.nanoTime();
      int status = attempt(op, i);
      histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
      count(status, ok, failed, statuses);
    }
    return result(name, histogram, ok.get(), failed.get(), (System.nanoTime() - began) / 1e9, statuses);
  }

  private static int attempt(Op op, long n) {
    try {
      return op.call(n);
    } catch (Exception e) {
      return -1;
    }
  }

  private static void count(int status, AtomicLong ok, AtomicLong failed, Map<Integer, Long> statuses) {
    statuses.merge(status, 1L, Long::sum);
    if (status >= 200 && status < 300) {
      ok.incrementAndGet();
    } else {
      failed.incrementAndGet();
    }
  }

  private static Result result(
      String name, Histogram h, long ok, long failed, double seconds, Map<Integer, Long> statuses) {
    return new Result(
        name, ok, failed, seconds, ok / seconds,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(95) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0,
        new java.util.TreeMap<>(statuses));
  }
}
