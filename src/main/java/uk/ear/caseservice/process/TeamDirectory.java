package uk.ear.caseservice.process;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.Teams;

/**
 * Teams and their Camunda groups: team {@code PRESTON} works as group {@code ear-preston}; its
 * managers are the members of both that group and {@code ear-managers}. Exposed to BPMN as
 * {@code teamDirectory}.
 */
@Component("teamDirectory")
public class TeamDirectory {

  private final IdentityService identity;

  public TeamDirectory(IdentityService identity) {
    this.identity = identity;
  }

  public String groupOf(String team) {
    return Teams.groupOf(team);
  }

  /** User ids of the team's managers (empty if it has none: then only admins see the task). */
  public List<String> managersOf(String team) {
    // the process's business, not the current user's: inside a command started by a Tasklist
    // user the identity queries would otherwise see only what that user may read
    return ServiceCommands.withoutAuthorization(
        () ->
            identity.createUserQuery().memberOfGroup(groupOf(team)).list().stream()
                .map(User::getId)
                .filter(this::isManager)
                .sorted()
                .toList());
  }

  private boolean isManager(String userId) {
    return identity.createGroupQuery().groupMember(userId).groupId(Teams.MANAGERS_GROUP).count() > 0;
  }
}
