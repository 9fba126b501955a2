package uk.ear.caseservice.location;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanLocationVisits: each morning, every registered location whose joint visit is due (and
 * has no visit task open) gets one, for the team covering its district.
 */
@Component("planLocationVisitsDelegate")
class PlanLocationVisits implements JavaDelegate {

  private final Locations locations;

  PlanLocationVisits(Locations locations) {
    this.locations = locations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    locations.planDueVisits(execution.getProcessInstanceId());
  }
}
