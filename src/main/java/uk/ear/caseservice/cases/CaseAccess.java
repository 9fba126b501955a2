package uk.ear.caseservice.cases;

import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
  private final RuntimeService runtime;

  public CaseAccess(
      CaseRepository cases, ExternalTaskService externalTasks, RuntimeService runtime) {
    this.cases = cases;
    this.externalTasks = externalTasks;
    this.runtime = runtime;
  }

  /** The case's summary (GET /api/cases/{ref}). */
  public boolean canRead(CaseRecord c, String user, Set<String> groups) {
    return canReadRecord(c, user, groups)
        || (groups.contains(Teams.POLICE_GROUP) && cases.hasIncidentReceivedBy(c, user));
  }

  /** The case belongs to the user's team (or the user administers the service). */
  public boolean isOwnTeams(CaseRecord c, Set<String> groups) {
    return groups.contains(Teams.ADMIN_GROUP)
        || (c.getTeam() != null && groups.contains(Teams.groupOf(c.getTeam())));
  }

  /** The case record with its people and notes: not for the police integration. */
  public boolean canReadRecord(CaseRecord c, String user, Set<String> groups) {
    if (isOwnTeams(c, groups)) {
      return true;
    }
    if (groups.contains(Teams.EDT_GROUP) && c.getStage().isOpen()) {
      return true;
    }
    return groups.contains(Teams.WORKERS_GROUP) && isWorkingOn(c);
  }

  /**
   * A worker reads a case only while it holds a lock on an external task of one of the case's
   * process instances (called processes included: they share the case ref as business key).
   */
  private boolean isWorkingOn(CaseRecord c) {
    String[] instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseRef()).list().stream()
            .map(ProcessInstance::getId)
            .toArray(String[]::new);
    return instances.length > 0
        && externalTasks.createExternalTaskQuery().processInstanceIdIn(instances).locked().count() > 0;
  }

}
