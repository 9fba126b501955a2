package uk.ear.caseservice.activity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;

/**
 * Task_ChooseActivities: after the joint visit, plans the activities the case needs
 * ({@link ActivitiesForCase}). The case's process then calls them through {@link ActivityPlan};
 * nothing but the plan in the service's table is written.
 */
@Component("chooseActivitiesDelegate")
class ChooseActivities implements JavaDelegate {

  private final ActivitiesForCase decision;
  private final Activities activities;
  private final CaseRecords records;

  ChooseActivities(ActivitiesForCase decision, Activities activities, CaseRecords records) {
    this.decision = decision;
    this.activities = activities;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseRef = execution.getProcessBusinessKey();
    decision
        .decide(records.get(caseRef))
        .forEach((kind, beforeAssessment) -> activities.plan(caseRef, kind, beforeAssessment));
  }
}
