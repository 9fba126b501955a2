package uk.ear.workers.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What {@link SentSteps} must do on every database it supports. */
final class SentStepsContract {

  private SentStepsContract() {}

  static StepKey newStep() {
    return new StepKey(UUID.randomUUID().toString(), "Task_Send:" + UUID.randomUUID());
  }

  /**
   * Two attempts at one step at the same time (a lock expired during a slow send and another
   * worker fetched the task): the first is sending; the second must not send as well.
   */
  static void concurrentAttemptsAtOneStepSendOnce(SentSteps sentSteps) throws Exception {
    StepKey step = newStep();
    AtomicInteger sends = new AtomicInteger();
    CountDownLatch firstIsSending = new CountDownLatch(1);
    CountDownLatch letFirstFinish = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<SentSteps.Outcome> first =
          threads.submit(
              () ->
                  sentSteps.sendOnce(
                      step, "ear-handover-pack", "EAR-2026-000001", "task-a",
                      () -> {
                        sends.incrementAndGet();
                        firstIsSending.countDown();
                        await(letFirstFinish);
                      }));
      assertThat(firstIsSending.await(10, TimeUnit.SECONDS)).isTrue();
      Future<SentSteps.Outcome> second =
          threads.submit(
              () ->
                  sentSteps.sendOnce(
                      step, "ear-handover-pack", "EAR-2026-000001", "task-a",
                      sends::incrementAndGet));
      // the second attempt cannot get past the first's uncommitted row
      assertThat(second.isDone()).isFalse();
      letFirstFinish.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(SentSteps.Outcome.SENT);
      assertThat(second.get(15, TimeUnit.SECONDS))
          .isIn(SentSteps.Outcome.ALREADY_SENT, SentSteps.Outcome.IN_PROGRESS_ELSEWHERE);
      assertThat(sends).hasValue(1);
      assertThat(sentSteps.wasSent(step)).isTrue();
      // and every later attempt finds it sent
      assertThat(sentSteps.sendOnce(step, "ear-handover-pack", "EAR-2026-000001", "task-a", sends::incrementAndGet))
          .isEqualTo(SentSteps.Outcome.ALREADY_SENT);
      assertThat(sends).hasValue(1);
    } finally {
      letFirstFinish.countDown();
      threads.shutdownNow();
    }
  }

  static void aFailedSendIsNotRecordedSoTheRetrySends(SentSteps sentSteps) {
    StepKey step = newStep();
    List<String> attempts = new ArrayList<>();

    assertThatThrownBy(
            () ->
                sentSteps.sendOnce(step, "ear-police-update", "EAR-2026-000002", "task-b",
                    () -> {
                      attempts.add("failed");
                      throw new IllegalStateException("SMTP down");
                    }))
        .hasMessage("SMTP down");
    assertThat(sentSteps.wasSent(step)).isFalse();

    assertThat(sentSteps.sendOnce(step, "ear-police-update", "EAR-2026-000002", "task-b",
            () -> attempts.add("sent")))
        .isEqualTo(SentSteps.Outcome.SENT);
    assertThat(sentSteps.wasSent(step)).isTrue();
    assertThat(attempts).containsExactly("failed", "sent");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
