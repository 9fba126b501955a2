package uk.ear.caseservice.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Lists a team's queue without checking each of its tasks' grants again (docs/performance.md, "A
 * team's queue without a grant check per task").
 *
 * <p>With authorization on, Camunda checks every task a query selects against the user's grants:
 * Tasklist's "Team tasks" filter (the tasks offered to the user's groups) joined each of a team's
 * 5,000–20,000 open tasks to {@code ACT_RU_AUTHORIZATION}, 120–400 ms for a first page and its
 * count. That check repeats what the query already says. When a group becomes a candidate of a
 * task, Camunda grants that group READ on the task (its authorization provider, {@code
 * newTaskGroupIdentityLink}), and a candidate user likewise; nothing in this service takes such a
 * grant away while the candidate stays. A query that selects only the tasks offered to the
 * signed-in user or to groups the user belongs to therefore selects only tasks the user may read.
 *
 * <p>Such a query is run without the per-task check when all of these hold, and otherwise exactly
 * as Camunda runs it:
 *
 * <ul>
 *   <li>it is one query, no {@code or()} branch (a branch could select beyond the candidates);
 *   <li>it restricts to candidates: groups, each one of the signed-in user's own, and or the user
 *       itself; no candidate group pattern ({@code LIKE});
 *   <li>no REVOKE authorization applies to the user (Camunda then checks revokes, and so does this).
 * </ul>
 *
 * A worker who asks for another team's queue, or adds another team's group to their own, is
 * checked as before and sees none of that team's tasks. The one difference from Camunda: a task
 * whose grant an administrator deleted by hand in Admin, leaving the group as candidate, is still
 * listed in that group's queue (it cannot be opened). To take a task from a team, remove the team
 * as candidate.
 */
@Component
public class TeamQueueQueries extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // replaces Camunda's factory for the same session type (custom factories are added last)
    configuration.setCustomSessionFactories(PluginLists.plus(configuration.getCustomSessionFactories(), new Factory()));
  }

  /** Opens {@link QueueAwareAuthorizationManager} wherever the engine asks for its authorization manager. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new QueueAwareAuthorizationManager();
    }
  }

  /** Camunda's authorization manager, but for a query of the user's own candidate tasks. */
  public static class QueueAwareAuthorizationManager extends AuthorizationManager {
    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.isAuthorizationCheckEnabled()
          && !check.isRevokeAuthorizationCheckEnabled()
          && onlyOwnCandidateTasks(query, getCurrentAuthentication())) {
        check.setAuthorizationCheckEnabled(false);
      }
    }
  }

  /**
   * Whether every task {@code query} can select is offered to the signed-in user or to one of the
   * user's own groups. Reads the candidate groups as the query's SQL does ({@code
   * getCandidateGroups()}: the named groups, or a candidate user's groups).
   */
  static boolean onlyOwnCandidateTasks(TaskQueryImpl query, Authentication user) {
    if (user == null || user.getUserId() == null || query.getQueries().size() != 1) {
      return false;
    }
    if (query.getCandidateGroupLike() != null) {
      return false;
    }
    String candidateUser = query.getCandidateUser();
    if (candidateUser != null && !candidateUser.equals(user.getUserId())) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    if (groups == null || groups.isEmpty()) {
      // only the user's own candidate tasks; without a candidate user the query does not restrict
      // to candidates (or, for an empty list, is left to Camunda)
      return candidateUser != null;
    }
    return user.getGroupIds() != null && user.getGroupIds().containsAll(groups);
  }
}
