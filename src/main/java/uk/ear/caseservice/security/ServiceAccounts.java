package uk.ear.caseservice.security;

import java.util.Collection;
import java.util.Set;
import uk.ear.caseservice.shared.Teams;

/**
 * The technical accounts: members of {@code police-integration}, {@code hospital-liaison}, {@code
 * workers} or {@code benchmark}. A user in any of these groups is a service account, whatever other
 * groups it has: it authenticates with an API key (HTTP Basic only with the demo identities, and never
 * through Camunda's password check, so wrong passwords neither count nor lock it), it cannot log in
 * to the webapps, and only its service's paths are open to it ({@link AccessRules}). A service
 * account must therefore not be made a member of a people group (a team, managers, EDT, admin):
 * that would give it no more at the HTTP layer.
 */
public final class ServiceAccounts {

  public static final Set<String> GROUPS =
      Set.of(Teams.POLICE_GROUP, Teams.HOSPITAL_GROUP, Teams.WORKERS_GROUP, Teams.BENCHMARK_GROUP);

  private ServiceAccounts() {}

  public static boolean isService(Collection<String> groups) {
    return groups.stream().anyMatch(GROUPS::contains);
  }
}
