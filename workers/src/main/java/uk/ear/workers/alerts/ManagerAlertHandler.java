package uk.ear.workers.alerts;

import java.util.List;
import org.camunda.bpm.client.task.ExternalTask;
import org.springframework.stereotype.Component;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.task.TaskVariables;
import uk.ear.workers.task.TopicHandler;

/**
 * {@code ear-manager-alert}: variables {@code caseRef}, {@code alertKind}, optional {@code
 * receivingService}.
 */
@Component
public class ManagerAlertHandler implements TopicHandler {

  static final String ALERT_KIND = "alertKind";
  static final String RECEIVING_SERVICE = "receivingService";

  private final ManagerAlertService service;

  public ManagerAlertHandler(ManagerAlertService service) {
    this.service = service;
  }

  @Override
  public String topic() {
    return ManagerAlertService.TOPIC;
  }

  @Override
  public List<String> variables() {
    return List.of(TaskVariables.CASE_REF, ALERT_KIND, RECEIVING_SERVICE);
  }

  @Override
  public String describe(ExternalTask task) {
    return "the " + TaskVariables.optional(task, ALERT_KIND) + " alert of "
        + TaskVariables.caseRef(task);
  }

  @Override
  public void handle(ExternalTask task) {
    service.send(
        StepKey.of(task),
        task.getId(),
        TaskVariables.caseRef(task),
        TaskVariables.requiredEnum(task, ALERT_KIND, AlertKind.class),
        TaskVariables.optional(task, RECEIVING_SERVICE));
  }
}
