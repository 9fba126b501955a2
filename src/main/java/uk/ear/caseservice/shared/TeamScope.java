package uk.ear.caseservice.shared;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whose cases a caller may see in a list or a figure: the teams of their groups, or every team for
 * {@code camunda-admin}; narrowed to one team when asked, and refused (403) for a team not theirs.
 *
 * @param all every team, including calls no team took (referred out)
 * @param teams the teams to show when not {@code all}
 */
public record TeamScope(boolean all, List<String> teams) {

  /**
   * The caller's scope, narrowed to {@code team} if given. {@code managersOnly}: only a team's
   * managers (and admin) may look at all.
   */
  public static TeamScope of(Authentication auth, String team, boolean managersOnly) {
    Set<String> groups = CurrentUser.groupsOf(auth);
    boolean admin = groups.contains(Teams.ADMIN_GROUP);
    List<String> own = groups.stream().map(Teams::teamOfGroup).filter(t -> t != null).sorted().toList();
    if (!admin && (own.isEmpty() || managersOnly && !groups.contains(Teams.MANAGERS_GROUP))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          managersOnly ? "only a team's managers and admin see these figures" : "only a team's members and admin list cases");
    }
    if (team != null) {
      if (!admin && !own.contains(team)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your team: " + team);
      }
      return new TeamScope(false, List.of(team));
    }
    return admin ? new TeamScope(true, List.of()) : new TeamScope(false, own);
  }

  /** For a query's {@code in :teams}: never empty (JPQL and SQL refuse an empty list). */
  public Collection<String> teamsOrNone() {
    return teams.isEmpty() ? List.of("-") : teams;
  }

  /** Whether a case of {@code team} (null: no team took it) is in scope. */
  public boolean includes(String team) {
    return all || team != null && teams.contains(team);
  }
}
