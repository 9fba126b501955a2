package uk.ear.workers.handover;

import java.util.List;
import org.camunda.bpm.client.task.ExternalTask;
import org.springframework.stereotype.Component;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.task.TaskVariables;
import uk.ear.workers.task.TopicHandler;

/** {@code ear-handover-pack}: variables {@code caseRef}, {@code receivingService}. */
@Component
public class HandoverPackHandler implements TopicHandler {

  static final String RECEIVING_SERVICE = "receivingService";

  private final HandoverService service;

  public HandoverPackHandler(HandoverService service) {
    this.service = service;
  }

  @Override
  public String topic() {
    return HandoverService.TOPIC;
  }

  @Override
  public List<String> variables() {
    return List.of(TaskVariables.CASE_REF, RECEIVING_SERVICE);
  }

  @Override
  public String describe(ExternalTask task) {
    return "the handover pack of " + TaskVariables.caseRef(task) + " to "
        + TaskVariables.optional(task, RECEIVING_SERVICE);
  }

  @Override
  public void handle(ExternalTask task) {
    service.send(
        StepKey.of(task),
        task.getId(),
        TaskVariables.caseRef(task),
        TaskVariables.optional(task, RECEIVING_SERVICE));
  }
}
