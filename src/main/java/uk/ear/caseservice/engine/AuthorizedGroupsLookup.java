package uk.ear.caseservice.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Select;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Reads Camunda's list of the groups that hold any grant through the group index on PostgreSQL,
 * instead of through every grant (docs/performance.md, "The groups that hold a grant").
 *
 * <p>Before it checks a signed-in user's permissions, each engine command narrows the user's groups
 * to those that hold at least one grant, with {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}: a scan of the whole table, once per command. The table grows with the open
 * tasks (each task's candidate group gets its own grant), so on a service with 100,000 open tasks
 * every Tasklist request, every case page and every intake paid 4–9 ms per command for a list of
 * a few dozen groups. PostgreSQL cannot skip through an index by itself (before version 18), so
 * this asks it to: the smallest group id, then the smallest above it, and so on (a recursive
 * query), one step through Camunda's index {@code ACT_IDX_AUTH_GROUP_ID} per group. The same
 * groups come back (Camunda drops the null the original also returns).
 *
 * <p>It uses the engine's own means for a statement that differs by database: its statement
 * mapping ({@link DbSqlSessionFactory#mapStatement}) sends Camunda's {@code
 * selectAuthorizedGroupIds} to {@link GroupIndexWalk}'s statement, added to the engine's MyBatis
 * mappers. No other statement is touched. On H2 nothing changes.
 */
@Component
public class AuthorizedGroupsLookup extends AbstractProcessEnginePlugin {

  /** Camunda's statement (mapping {@code Authorization.xml}). */
  public static final String STATEMENT = "selectAuthorizedGroupIds";

  /** The distinct non-null group ids of the grants, one index step per group. */
  public interface GroupIndexWalk {
    @Select(
        "WITH RECURSIVE G (GROUP_ID_) AS ("
            + " SELECT MIN(GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION"
            + " UNION ALL"
            + " SELECT (SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ > G.GROUP_ID_)"
            + " FROM G WHERE G.GROUP_ID_ IS NOT NULL)"
            + " SELECT GROUP_ID_ FROM G WHERE GROUP_ID_ IS NOT NULL")
    // not Camunda's name: MyBatis must still find Camunda's statement by its short name
    List<String> selectAuthorizedGroupIdsByIndex();
  }

  /** The id of the statement Camunda's is sent to. */
  public static final String BY_INDEX = GroupIndexWalk.class.getName() + ".selectAuthorizedGroupIdsByIndex";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    configuration.getSqlSessionFactory().getConfiguration().addMapper(GroupIndexWalk.class);
    DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
    // a copy: the map Camunda hands out is shared by every engine on the same database type
    Map<String, String> mappings =
        statements.getStatementMappings() == null ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
    mappings.put(STATEMENT, BY_INDEX);
    statements.setStatementMappings(mappings);
  }
}
