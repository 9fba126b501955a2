package uk.ear.bench;

import java.time.Duration;

/** Waiting in a driver program (never in the service's tests, which move the engine's clock). */
final class Pause {
  private Pause() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void of(Duration duration) {
    millis(duration.toMillis());
  }
}
