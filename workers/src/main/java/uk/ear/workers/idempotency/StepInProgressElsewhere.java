package uk.ear.workers.idempotency;

/**
 * Another attempt at the same step holds its record and is sending now. The task is left alone:
 * that attempt completes it, or, if it fails, this task's lock expires and the next fetch sends.
 */
public class StepInProgressElsewhere extends RuntimeException {

  public StepInProgressElsewhere(StepKey key) {
    super("step " + key + " is being sent by another attempt");
  }
}
