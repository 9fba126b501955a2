package uk.ear.workers.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * The idempotency key of one step of one case: {@code processInstanceId/activityInstanceId}.
 *
 * <p>Every retry of an external task (failure with retries, Cockpit's "retry", an expired lock,
 * another worker instance) keeps the same activity instance, so it keeps the key and is not sent
 * twice. A step that the process runs again (a loop, a second police update from another
 * activity, an operator restarting the activity in Cockpit) is a new activity instance and
 * rightly sends again. Unlike the external task id it names the step as Cockpit shows it (the
 * activity instance tree), and it needs no topic beside it: an activity instance has one topic.
 */
public record StepKey(String processInstanceId, String activityInstanceId) {

  public static StepKey of(ExternalTask task) {
    return new StepKey(task.getProcessInstanceId(), task.getActivityInstanceId());
  }

  public String value() {
    return processInstanceId + "/" + activityInstanceId;
  }

  /**
   * The same key as an opaque UUID for outside systems ({@code Idempotency-Key} of the police
   * POST, a header of each mail): stable across retries, and it does not expose engine ids.
   */
  public String external() {
    return UUID.nameUUIDFromBytes(("ear-step:" + value()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  public String toString() {
    return value();
  }
}
