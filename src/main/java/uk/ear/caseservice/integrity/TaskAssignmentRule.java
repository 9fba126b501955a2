package uk.ear.caseservice.integrity;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.Teams;
import uk.ear.caseservice.engine.EveryUserTask;
import uk.ear.caseservice.process.CaseVariables;
import uk.ear.caseservice.process.ServiceCommands;

/**
 * Work stays in the team: a case's task may be claimed by, assigned to or owned by a member of
 * the case's team (its managers are members too), the Emergency Duty Team while the task is offered to it,
 * and any manager while it is offered to all managers (the second escalation). Anyone else is
 * refused, whoever asks: a claim for someone else, an assignment, a delegation. The process's own
 * assignments (the allocated worker) are the service's and not checked here.
 */
@Component
public class TaskAssignmentRule implements EveryUserTask {

  private final IdentityService identity;

  public TaskAssignmentRule(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Set<String> events() {
    // the owner changes on an update: an owner may work the task too
    return Set.of(TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE);
  }

  @Override
  public void notify(DelegateTask task) {
    if (identity.getCurrentAuthentication() == null
        || !(task.getVariable(CaseVariables.TEAM_GROUP) instanceof String team)) {
      return;
    }
    for (String user : new String[] {task.getAssignee(), task.getOwner()}) {
      if (user != null) {
        check(task, team, user);
      }
    }
  }

  private void check(DelegateTask task, String team, String user) {
    Set<String> groups = groupsOf(user);
    Set<String> offeredTo =
        task.getCandidates().stream()
            .map(IdentityLink::getGroupId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    boolean mayWork =
        groups.contains(team)
            || (groups.contains(Teams.EDT_GROUP) && offeredTo.contains(Teams.EDT_GROUP))
            || (groups.contains(Teams.MANAGERS_GROUP) && offeredTo.contains(Teams.MANAGERS_GROUP));
    if (!mayWork) {
      throw new TaskAssignmentRefused(
          "'" + task.getName() + "' belongs to another team's case: it cannot go to " + quotable(user) + ".");
    }
  }

  private Set<String> groupsOf(String user) {
    return ServiceCommands.withoutAuthorization(
        () ->
            identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet()));
  }

  /** User ids come from the client: quoted only if they look like one (Tasklist shows HTML). */
  private static String quotable(String user) {
    return user.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") ? "'" + user + "'" : "that user";
  }
}
