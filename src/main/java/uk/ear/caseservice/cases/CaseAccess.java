package uk.ear.caseservice.cases;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.Teams;

/**
 * Who may see a case: its own team (workers and managers) and administrators; the Emergency Duty
 * Team while one of the case's tasks is offered to it or held by the EDT worker, and for a while
 * after that worker last recorded something on it; the police integration, the summary of the
 * cases its calls created; the external-task workers while their worker id holds a lock on one of
 * the case's tasks (the handover pack: on its {@code ear-handover-pack} task).
 */
@Component
public class CaseAccess {

  /** Who asks: the user, their groups and, for the external-task workers, their worker id. */
  public record Caller(String user, Set<String> groups, String workerId) {
    public Caller {
      groups = Set.copyOf(groups);
    }
  }

  static final String HANDOVER_PACK_TOPIC = "ear-handover-pack";

  private final CaseRepository cases;
  private final CaseEntryRepository entries;
  private final ExternalTaskService externalTasks;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final EarProperties properties;
  private final Clock clock;

  public CaseAccess(
      CaseRepository cases,
      CaseEntryRepository entries,
      ExternalTaskService externalTasks,
      TaskService tasks,
      RuntimeService runtime,
      EarProperties properties,
      Clock clock) {
    this.cases = cases;
    this.entries = entries;
    this.externalTasks = externalTasks;
    this.tasks = tasks;
    this.runtime = runtime;
    this.properties = properties;
    this.clock = clock;
  }

  /** The case's summary (GET /api/cases/{ref}). */
  public boolean canRead(CaseRecord c, Caller caller) {
    return mayWork(c, caller)
        || (caller.groups().contains(Teams.WORKERS_GROUP) && holdsTask(c, caller.workerId(), null))
        || (caller.groups().contains(Teams.POLICE_GROUP) && cases.hasIncidentReceivedBy(c, caller.user()))
        || (caller.groups().contains(Teams.HOSPITAL_GROUP) && cases.hasAdmissionReceivedBy(c, caller.user()));
  }

  /** The case record with its people and notes, as the handover pack carries it. */
  public boolean canReadRecord(CaseRecord c, Caller caller) {
    return mayWork(c, caller)
        // the workers send a pack only for a case with a recorded lawful basis for sharing it
        || (caller.groups().contains(Teams.WORKERS_GROUP)
            && c.getSharingBasis() != null
            && holdsTask(c, caller.workerId(), HANDOVER_PACK_TOPIC));
  }

  /** The case belongs to the user's team (or the user administers the service). */
  public boolean isOwnTeams(CaseRecord c, Set<String> groups) {
    return groups.contains(Teams.ADMIN_GROUP)
        || (c.getTeam() != null && groups.contains(Teams.groupOf(c.getTeam())));
  }

  /** The people who work the case: its team, and EDT while it works on it. */
  private boolean mayWork(CaseRecord c, Caller caller) {
    return isOwnTeams(c, caller.groups())
        || (caller.groups().contains(Teams.EDT_GROUP) && edtWorksOn(c, caller.user()));
  }

  private boolean edtWorksOn(CaseRecord c, String user) {
    String ref = c.getCaseRef();
    return tasks.createTaskQuery().processInstanceBusinessKey(ref).taskCandidateGroup(Teams.EDT_GROUP).count() > 0
        || tasks.createTaskQuery().processInstanceBusinessKey(ref).taskAssignee(user).count() > 0
        || entries.existsByCaseRecordAndRecordedByAndRecordedAtAfter(
            c, user, clock.instant().minus(properties.edt().accessAfterWork()));
  }

  /**
   * The worker id holds an unexpired lock on one of the case's external tasks (of {@code topic},
   * if given), in any of its process instances: called processes share the case ref.
   */
  private boolean holdsTask(CaseRecord c, String workerId, String topic) {
    if (workerId == null || workerId.isBlank()) {
      return false;
    }
    String[] instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseRef()).list().stream()
            .map(ProcessInstance::getId)
            .toArray(String[]::new);
    if (instances.length == 0) {
      return false;
    }
    ExternalTaskQuery held =
        externalTasks.createExternalTaskQuery().processInstanceIdIn(instances).workerId(workerId).locked();
    return (topic == null ? held : held.topicName(topic)).count() > 0;
  }
}
