package uk.ear.caseservice.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  /**
   * User ids of the team's managers (empty if it has none: then only admins see the task): the
   * members of both groups, in two queries whatever the team's size (one per member before: the
   * benchmark showed it on every task a manager may assign).
   */
  public List<String> managersOf(String team) {
    // the process's business, not the current user's: inside a command started by a Tasklist
    // user the identity queries would otherwise see only what that user may read
    return ServiceCommands.withoutAuthorization(
        () -> {
          Set<String> managers = membersOf(Teams.MANAGERS_GROUP);
          return membersOf(groupOf(team)).stream().filter(managers::contains).sorted().toList();
        });
  }

  private Set<String> membersOf(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getId)
        .collect(Collectors.toSet());
  }
}
