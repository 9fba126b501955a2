package uk.ear.caseservice.process;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.Teams;
import uk.ear.caseservice.policy.OutOfHours;

/**
 * Who a new piece of case work goes to: the team, and out of hours (EDT hours from configuration,
 * bank holidays all day) the Emergency Duty Team as well, whose members then see it in Tasklist.
 * The EAR teams themselves work into the evening peak, so the team keeps sight of its work; who
 * actually visited decides whether the team reviews an out-of-hours visit. Exposed to BPMN as
 * {@code allocation}.
 */
@Component("allocation")
public class Allocation {

  private final OutOfHours outOfHours;
  private final Clock clock;

  public Allocation(OutOfHours outOfHours, Clock clock) {
    this.outOfHours = outOfHours;
    this.clock = clock;
  }

  /** Comma-separated candidate groups, as Camunda reads a String-valued candidateGroups. */
  public String candidateGroupFor(String teamGroup) {
    return isOutOfHoursNow() ? teamGroup + "," + Teams.EDT_GROUP : teamGroup;
  }

  public boolean isOutOfHoursNow() {
    return outOfHours.isOutOfHours(clock.instant());
  }
}
