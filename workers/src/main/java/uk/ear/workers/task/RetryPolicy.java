package uk.ear.workers.task;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Retries left and delay after a failed attempt. The engine keeps the count: a task fetched for
 * the first time has {@code retries == null}; after each failure we report one retry fewer. An
 * operator's "retry" in Cockpit (retries set to n) gets n more attempts with the last delays.
 */
@Component
public class RetryPolicy {

  /** What to report to the engine after a failure. */
  public record Next(int retries, Duration delay, int attempt, int attempts) {
    public boolean exhausted() {
      return retries <= 0;
    }
  }

  private final List<Duration> backoff;

  public RetryPolicy(RetryProperties properties) {
    this.backoff = List.copyOf(properties.backoff());
  }

  public Next afterFailure(Integer retriesBefore) {
    int size = backoff.size();
    int attempts = size + 1;
    if (retriesBefore == null) {
      // the first attempt failed: every retry is still ahead
      return new Next(size, backoff.get(0), 1, attempts);
    }
    int left = Math.max(0, retriesBefore - 1);
    int attempt = Math.max(1, size - retriesBefore + 2);
    if (left == 0) {
      return new Next(0, Duration.ZERO, attempt, attempts);
    }
    Duration delay = backoff.get(Math.max(0, Math.min(size - 1, size - retriesBefore + 1)));
    return new Next(left, delay, attempt, attempts);
  }

}
