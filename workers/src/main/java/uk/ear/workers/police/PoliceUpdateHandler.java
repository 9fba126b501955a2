package uk.ear.workers.police;

import java.util.List;
import org.camunda.bpm.client.task.ExternalTask;
import org.springframework.stereotype.Component;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.task.TaskVariables;
import uk.ear.workers.task.TopicHandler;

/** {@code ear-police-update}: variables {@code caseRef}, {@code policeEvent}. */
@Component
public class PoliceUpdateHandler implements TopicHandler {

  static final String POLICE_EVENT = "policeEvent";

  private final PoliceUpdateService service;

  public PoliceUpdateHandler(PoliceUpdateService service) {
    this.service = service;
  }

  @Override
  public String topic() {
    return PoliceUpdateService.TOPIC;
  }

  @Override
  public List<String> variables() {
    return List.of(TaskVariables.CASE_REF, POLICE_EVENT);
  }

  @Override
  public String describe(ExternalTask task) {
    return "the " + TaskVariables.optional(task, POLICE_EVENT) + " police update of "
        + TaskVariables.caseRef(task);
  }

  @Override
  public void handle(ExternalTask task) {
    service.send(
        StepKey.of(task),
        task.getId(),
        TaskVariables.caseRef(task),
        TaskVariables.requiredEnum(task, POLICE_EVENT, PoliceEvent.class));
  }
}
