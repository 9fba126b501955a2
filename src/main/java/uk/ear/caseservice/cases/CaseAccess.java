package uk.ear.caseservice.cases;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: its own team (workers and managers), the Emergency Duty Team while it is
 * open, the police integration for the cases its calls created, and administrators.
 */
@Component
public class CaseAccess {

  private final CaseRepository cases;

  public CaseAccess(CaseRepository cases) {
    this.cases = cases;
  }

  public boolean canRead(CaseRecord c, String user, Set<String> groups) {
    if (groups.contains(Teams.ADMIN_GROUP)) {
      return true;
    }
    if (c.getTeam() != null && groups.contains(Teams.groupOf(c.getTeam()))) {
      return true;
    }
    if (groups.contains(Teams.EDT_GROUP) && c.getStage().isOpen()) {
      return true;
    }
    return groups.contains(Teams.POLICE_GROUP) && cases.hasIncidentReceivedBy(c, user);
  }

}
