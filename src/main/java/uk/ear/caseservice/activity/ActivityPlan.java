package uk.ear.caseservice.activity;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For the case's multi-instance call activities ({@code camunda:collection}): the processes of
 * the activities planned and not yet started, read from the service's table, so a client cannot
 * choose them. Run again (e.g. a reassessment), the list is empty and nothing starts twice.
 */
@Component("activityPlan")
public class ActivityPlan {

  private final Activities activities;

  ActivityPlan(Activities activities) {
    this.activities = activities;
  }

  /** The activities the case's assessment waits for. */
  public List<String> beforeAssessment(String caseRef) {
    return activities.plannedProcesses(caseRef, true);
  }

  /** The activities that run alongside the case's main line until it closes. */
  public List<String> alongside(String caseRef) {
    return activities.plannedProcesses(caseRef, false);
  }
}
