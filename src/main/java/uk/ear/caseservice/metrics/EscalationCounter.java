package uk.ear.caseservice.metrics;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.engine.EveryUserTask;

/**
 * Counts each escalation to a manager as its task is created (a missed response window, an
 * overdue visit or activity, a conference at risk, a handover to chase), by the task's kind, so a
 * designer's new "Review overdue …" task is counted without Java.
 */
@Component
class EscalationCounter implements EveryUserTask {

  private final ServiceMetrics metrics;

  EscalationCounter(ServiceMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Set<String> events() {
    return Set.of(TaskListener.EVENTNAME_CREATE);
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (EscalationTasks.isEscalation(key)) {
      metrics.escalation(key.substring("Task_".length()));
    }
  }
}
