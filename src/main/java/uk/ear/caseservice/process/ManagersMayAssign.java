package uk.ear.caseservice.process;

import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.engine.EveryUserTask;

/**
 * A manager allocates work: on every user task of a case the team's managers may set the assignee
 * (TASK_ASSIGN on that task only), so they can give a team task to a named worker in Tasklist.
 * Added to every user task by {@link uk.ear.caseservice.engine.ModelHooksPlugin}, so designers
 * need not remember it.
 */
@Component
public class ManagersMayAssign implements EveryUserTask {

  private final TeamDirectory teams;

  public ManagersMayAssign(TeamDirectory teams) {
    this.teams = teams;
  }

  @Override
  public java.util.Set<String> events() {
    return java.util.Set.of(TaskListener.EVENTNAME_CREATE);
  }

  @Override
  public void notify(DelegateTask task) {
    Object team = task.getVariable(CaseVariables.TEAM);
    if (!(team instanceof String teamName)
        || !Context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return;
    }
    // a manager who is the task's assignee or a candidate user has the engine's own grant on it
    java.util.Set<String> haveGrant = new java.util.HashSet<>();
    task.getCandidates().forEach(link -> haveGrant.add(link.getUserId()));
    haveGrant.add(task.getAssignee());
    List<String> managers =
        teams.managersOf(teamName).stream().filter(m -> !haveGrant.contains(m)).toList();
    // the process grants this, not the user whose action created the task
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              for (String manager : managers) {
                AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
                grant.setUserId(manager);
                grant.setResource(Resources.TASK);
                grant.setResourceId(task.getId());
                grant.addPermission(Permissions.TASK_ASSIGN);
                grant.addPermission(Permissions.READ);
                Context.getCommandContext().getAuthorizationManager().insert(grant);
              }
              return null;
            });
  }
}
