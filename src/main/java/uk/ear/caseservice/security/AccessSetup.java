package uk.ear.caseservice.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.location.LocationVisits;
import uk.ear.caseservice.process.CaseProcess;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.Teams;

/**
 * Least privilege, set up on every start (idempotently): the service's groups, what each may do
 * in the engine, and the Tasklist filters. Team members see only their team's tasks (candidate
 * group permissions, created by the engine with each task) and instances (granted per instance at
 * start by {@link CaseProcess}). Users themselves come from Camunda Admin, or the demo profile.
 * Longer than most files on purpose: every permission the service grants is here, to be reviewed
 * together.
 */
@Component
@Order(10)
public class AccessSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final EarProperties properties;

  public AccessSetup(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks,
      EarProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> taskGroups = new ArrayList<>();
    for (String team : properties.teams()) {
      String group = Teams.groupOf(team);
      ensureGroup(group, "EAR team " + team.charAt(0) + team.substring(1).toLowerCase(), "TEAM");
      taskGroups.add(group);
      for (String process : CaseProcess.CASE_PROCESSES) {
        grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
      }
      // the visits to vulnerable locations are the team's tasks too
      grant(group, Resources.PROCESS_DEFINITION, LocationVisits.PROCESS_KEY, Permissions.READ);
      // "Request early closure of a case" is started from Tasklist's Start process
      grant(group, Resources.PROCESS_DEFINITION, CaseProcess.CLOSURE_REQUEST_KEY, Permissions.READ);
      grant(
          group,
          Resources.PROCESS_DEFINITION,
          CaseProcess.CLOSURE_REQUEST_KEY,
          Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    ensureGroup(Teams.MANAGERS_GROUP, "EAR managers", "MANAGERS");
    ensureGroup(Teams.EDT_GROUP, "Emergency Duty Team", "TEAM");
    ensureGroup(Teams.POLICE_GROUP, "Police integration", "SYSTEM");
    ensureGroup(Teams.WORKERS_GROUP, "External task workers", "SYSTEM");
    ensureGroup(Teams.HOSPITAL_GROUP, "Hospital liaison", "SYSTEM");
    narrowSelfAuthorizations();
    taskGroups.add(Teams.MANAGERS_GROUP);
    taskGroups.add(Teams.EDT_GROUP);

    for (String group : taskGroups) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
    }
    // managers steer in Cockpit: definitions and decisions; instances only of their own team
    grant(Teams.MANAGERS_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Teams.MANAGERS_GROUP, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(Teams.MANAGERS_GROUP, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(
        Teams.MANAGERS_GROUP,
        Resources.DECISION_REQUIREMENTS_DEFINITION,
        Authorization.ANY,
        Permissions.READ);

    // the external-task workers fetch, lock and complete the case processes' external tasks: the
    // engine asks for READ_INSTANCE and UPDATE_INSTANCE on their definitions, which would also
    // allow far more (messages, variables, jobs); EngineCommandGuard keeps them to external tasks
    for (String process : CaseProcess.CASE_PROCESSES) {
      for (Permission permission : List.of(Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE)) {
        grant(Teams.WORKERS_GROUP, Resources.PROCESS_DEFINITION, process, permission);
      }
      revoke(Teams.WORKERS_GROUP, Resources.PROCESS_DEFINITION, process, Permissions.READ);
    }

    ensureFilter(
        "My tasks",
        "Tasks assigned to me, most urgent first",
        -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(
        "Team tasks",
        "Unclaimed and claimed tasks of my teams, most urgent first",
        0,
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    ensureFilter(
        "Escalations",
        "Missed response windows and other escalations for me as a manager",
        10,
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
    log.info("groups, permissions and Tasklist filters are in place");
  }

  /**
   * Users created before {@link EarAuthorizationProvider} got ALL on themselves (Camunda's default):
   * narrowed to READ and UPDATE, so nobody but an administrator deletes a user.
   */
  private void narrowSelfAuthorizations() {
    for (Authorization self :
        authorizations
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(Resources.USER)
            .list()) {
      if (self.getUserId() != null
          && self.getUserId().equals(self.getResourceId())
          && self.isPermissionGranted(Permissions.DELETE)) {
        self.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
        authorizations.saveAuthorization(self);
      }
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    Authorization existing = grantOf(group, resource, resourceId);
    if (existing == null) {
      existing = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      existing.setGroupId(group);
      existing.setResource(resource);
      existing.setResourceId(resourceId);
    } else if (existing.isPermissionGranted(permission)) {
      return;
    }
    existing.addPermission(permission);
    authorizations.saveAuthorization(existing);
  }

  private Authorization grantOf(String group, Resource resource, String resourceId) {
    return authorizations
        .createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  /** Takes back a permission an earlier version granted. */
  private void revoke(String group, Resource resource, String resourceId, Permission permission) {
    Authorization existing = grantOf(group, resource, resourceId);
    if (existing != null && existing.isPermissionGranted(permission)) {
      existing.removePermission(permission);
      authorizations.saveAuthorization(existing);
    }
  }

  private void ensureFilter(String name, String description, int priority, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filters
            .newTaskFilter(name)
            .setQuery(query.orderByTaskPriority().desc().orderByDueDate().asc())
            .setProperties(
                Map.of(
                    "description", description,
                    "priority", priority,
                    "refresh", true));
    filters.saveFilter(filter);
  }
}
