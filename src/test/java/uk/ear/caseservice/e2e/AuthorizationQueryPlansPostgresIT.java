package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Select;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's query, checked against the user's grants, is planned for the user's own groups every
 * time, never with PostgreSQL's generic plan (engine.AuthorizationQueryPlans): after five runs on
 * a connection that plan took 2 s instead of 0.1 s for a team of 5,500 tasks. It is planned with
 * index reads priced as reads from memory, and only it: at the server's default the count over
 * 2,121 tasks sometimes took 350 ms instead of 60 ms, and set for every statement the lower price
 * cost intake a tenth of its throughput. A team's queue as its own worker lists it (no
 * authorization join, engine.TeamQueueQueries) is planned the same way: at the server's default
 * the planner read all 100,000 tasks for a queue of 2,031.
 */
@OnPostgres
class AuthorizationQueryPlansPostgresIT extends EndToEndTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  /** Statements that report the planner's price of an index read, with and without Camunda's join alias. */
  public interface IndexReadPrice {
    @Select("SELECT current_setting('random_page_cost') FROM (SELECT '*' AS RESOURCE_ID_) AUTH WHERE AUTH.RESOURCE_ID_ = '*'")
    String inAnAuthorizationCheckedQuery();

    @Select("SELECT current_setting('random_page_cost') FROM (SELECT 1) X LEFT JOIN"
        + " (SELECT RES.ID_ FROM ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ LIMIT 0) Q ON TRUE")
    String inATeamQueueQuery();

    @Select("SELECT current_setting('random_page_cost')")
    String inAnyOtherQuery();
  }

  @Test
  void onlyAnAuthorizationCheckedQueryPricesIndexReadsAsReadsFromMemory() {
    org.apache.ibatis.session.Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasMapper(IndexReadPrice.class)) {
      mybatis.addMapper(IndexReadPrice.class);
    }
    List<String> prices =
        engine.getCommandExecutorTxRequired().execute(context -> {
          IndexReadPrice probe = context.getDbSqlSession().getSqlSession().getMapper(IndexReadPrice.class);
          return List.of(
              probe.inAnyOtherQuery(), probe.inAnAuthorizationCheckedQuery(), probe.inAnyOtherQuery(), probe.inATeamQueueQuery(),
              probe.inAnyOtherQuery());
        });
    // before and after each, in the same transaction: the server's own price
    assertThat(prices.get(0)).isEqualTo("4").isEqualTo(prices.get(2)).isEqualTo(prices.get(4));
    assertThat(prices.get(1)).isEqualTo("1.1");
    assertThat(prices.get(3)).isEqualTo("1.1");
  }

  @Test
  void aWorkersTaskQueryIsNeverPreparedOnTheServerWhileOtherQueriesAre() {
    identity.setAuthentication("sw.preston1", List.of("ear-preston"));
    List<String> prepared =
        engine.getCommandExecutorTxRequired().execute(context -> {
          for (int run = 0; run < 8; run++) {
            // a new value each run: the same query with the same values would come from MyBatis' cache
            Date after = new Date(run);
            // all tasks the worker may read, as Cockpit or /engine-rest asks: checked per task (the
            // team's own queue is not, engine.TeamQueueQueries)
            tasks.createTaskQuery().processDefinitionKey("EarlyActionCase").dueAfter(after).orderByDueDate().asc().listPage(0, 15);
            tasks.createTaskQuery().processDefinitionKey("EarlyActionCase").dueAfter(after).count();
            // the team's own queue, without the authorization join
            tasks.createTaskQuery().taskCandidateGroup("ear-preston").dueAfter(after).orderByDueDate().asc().listPage(0, 15);
            tasks.createTaskQuery().taskCandidateGroup("ear-preston").dueAfter(after).count();
          }
          // the control: the same kind of query without the authorization join
          Context.getCommandContext().disableAuthorizationCheck();
          for (int run = 0; run < 8; run++) {
            management.createJobQuery().timers().duedateHigherThan(new Date(run)).count();
          }
          Context.getCommandContext().enableAuthorizationCheck();
          // the same connection as the queries: the command's
          Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
          return preparedStatements(connection);
        });
    // a query run eight times on a connection is prepared on the server (the driver's threshold is 5)
    assertThat(prepared).anyMatch(sql -> sql.contains("ACT_RU_JOB"));
    // but never one checked against the user's grants, on this connection by any earlier command either
    assertThat(prepared).noneMatch(sql -> sql.contains("AUTH.RESOURCE_ID_"));
    assertThat(prepared).noneMatch(sql -> sql.contains("ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"));
  }

  private static List<String> preparedStatements(Connection connection) {
    try (PreparedStatement s = connection.prepareStatement("select statement from pg_prepared_statements");
        ResultSet r = s.executeQuery()) {
      List<String> statements = new ArrayList<>();
      while (r.next()) {
        statements.add(r.getString(1));
      }
      return statements;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
