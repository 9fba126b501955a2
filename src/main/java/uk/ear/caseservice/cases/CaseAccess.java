package uk.ear.caseservice.cases;

import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: its own team (workers and managers), the Emergency Duty Team while it is
 * open, the police integration for the cases its calls created, the external-task workers while
 * they hold a lock on one of the case's tasks, and administrators.
 */
@Component
public class CaseAccess {

  private final CaseRepository cases;
  private final ExternalTaskService externalTasks;

  public CaseAccess(CaseRepository cases, ExternalTaskService externalTasks) {
    this.cases = cases;
    this.externalTasks = externalTasks;
  }

  /** The case's summary (GET /api/cases/{ref}). */
  public boolean canRead(CaseRecord c, String user, Set<String> groups) {
    return canReadRecord(c, user, groups)
        || (groups.contains(Teams.POLICE_GROUP) && cases.hasIncidentReceivedBy(c, user));
  }

  /** The case record with its people and notes: not for the police integration. */
  public boolean canReadRecord(CaseRecord c, String user, Set<String> groups) {
    if (groups.contains(Teams.ADMIN_GROUP)) {
      return true;
    }
    if (c.getTeam() != null && groups.contains(Teams.groupOf(c.getTeam()))) {
      return true;
    }
    if (groups.contains(Teams.EDT_GROUP) && c.getStage().isOpen()) {
      return true;
    }
    return groups.contains(Teams.WORKERS_GROUP) && isWorkingOn(c);
  }

  /** A worker reads a case only while it holds a lock on one of the case's external tasks. */
  private boolean isWorkingOn(CaseRecord c) {
    return c.getProcessInstanceId() != null
        && externalTasks
                .createExternalTaskQuery()
                .processInstanceId(c.getProcessInstanceId())
                .locked()
                .count()
            > 0;
  }

}
