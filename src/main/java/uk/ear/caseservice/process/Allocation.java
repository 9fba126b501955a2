package uk.ear.caseservice.process;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.Teams;
import uk.ear.caseservice.policy.OutOfHours;

/**
 * Who a new piece of case work goes to: the team, or the Emergency Duty Team when it arrives out
 * of hours (EDT hours from configuration, bank holidays all day). Exposed to BPMN as {@code
 * allocation}.
 */
@Component("allocation")
public class Allocation {

  private final OutOfHours outOfHours;
  private final Clock clock;

  public Allocation(OutOfHours outOfHours, Clock clock) {
    this.outOfHours = outOfHours;
    this.clock = clock;
  }

  public String candidateGroupFor(String teamGroup) {
    return isOutOfHoursNow() ? Teams.EDT_GROUP : teamGroup;
  }

  public boolean isOutOfHoursNow() {
    return outOfHours.isOutOfHours(clock.instant());
  }
}
