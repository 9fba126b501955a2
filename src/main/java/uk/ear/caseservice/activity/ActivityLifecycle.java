package uk.ear.caseservice.activity;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.engine.EveryCalledProcess;

/**
 * An activity's record follows its process, whichever call activity started it: it opens with its
 * due date when the process starts ({@code activityDueAt}, which the process's tasks and timers
 * read), and is done, with its outcome, or cancelled when the process ends. Other called processes
 * (IntensiveSupport, Handover) are left alone.
 */
@Component
class ActivityLifecycle implements EveryCalledProcess {

  static final String DUE_AT = "activityDueAt";

  private final Activities activities;
  private final ActivityDeadlines deadlines;

  ActivityLifecycle(Activities activities, ActivityDeadlines deadlines) {
    this.activities = activities;
    this.deadlines = deadlines;
  }

  @Override
  public void started(DelegateExecution execution, String processKey) {
    ActivityKind.ofProcess(processKey)
        .ifPresent(
            kind -> {
              String caseRef = execution.getProcessBusinessKey();
              // a caller that knows the due date passes it (e.g. four hours from an admission)
              Instant due =
                  execution.getVariable(DUE_AT) instanceof Date given
                      ? given.toInstant()
                      : deadlines.dueAt(kind, caseRef);
              activities.started(caseRef, kind, due);
              execution.setVariable(DUE_AT, Date.from(due));
            });
  }

  @Override
  public void ended(DelegateExecution execution, String processKey) {
    ActivityKind.ofProcess(processKey)
        .ifPresent(
            kind ->
                activities.ended(
                    execution.getProcessBusinessKey(),
                    kind,
                    execution.isCanceled(),
                    kind.outcomeIn(execution)));
  }
}
