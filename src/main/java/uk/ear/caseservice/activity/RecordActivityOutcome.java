package uk.ear.caseservice.activity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * An execution listener for the step of an activity where its outcome is known before the
 * activity ends (e.g. after "Decide MARAC referral"): the case shows it at once.
 */
@Component("activityOutcomeListener")
class RecordActivityOutcome implements ExecutionListener {

  private final Activities activities;

  RecordActivityOutcome(Activities activities) {
    this.activities = activities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the activity's model holds one process: its id is the process key
    String key =
        execution.getBpmnModelInstance().getModelElementsByType(Process.class).iterator().next().getId();
    ActivityKind kind =
        ActivityKind.ofProcess(key)
            .orElseThrow(() -> new IllegalStateException(key + " is not an activity process"));
    String outcome = kind.outcomeIn(execution);
    if (outcome != null) {
      activities.recordOutcome(execution.getProcessBusinessKey(), kind, outcome);
    }
  }
}
