package uk.ear.caseservice.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * Plans the engine's authorization-checked queries (Tasklist's task list and count, Cockpit's
 * lists) and its queries of a team's queue for the values they are run with, every time, on
 * PostgreSQL (docs/performance.md, "Generic plans").
 *
 * <p>With authorization on, such a query joins {@code ACT_RU_AUTHORIZATION} as {@code AUTH} with
 * the user's id and groups as parameters. The PostgreSQL driver prepares a statement on the server
 * after five runs on a connection, and PostgreSQL then keeps one generic plan for it, made without
 * knowing the user or the groups: for the task query that plan compares every task of the queue
 * with every grant the user might hold, and Tasklist's count over a team's 5,500 tasks went from
 * 0.1 s to 2 s on the sixth call (40 s for 20,000 tasks). Only these statements are kept from
 * being prepared on the server; every other statement keeps its cached plan (planning them all
 * each time cost 10 % of the intake's throughput).
 *
 * <p>These statements are also planned with an index read priced as a read from memory ({@code
 * random_page_cost} 1.1 instead of PostgreSQL's 4, for that statement only): the engine's tables
 * are in memory, and at 4 the planner sometimes chose to join every task of a team's queue to a
 * scan of the team's grants instead of looking up each task's grant: Tasklist's count over 2,121
 * tasks 350 ms instead of 60 ms. Set for every statement (on the connections) it cost intake about
 * a tenth of its throughput, so it is set around these alone ({@code SET LOCAL}, then back to the
 * connection's value; a failed statement's transaction is rolled back, and the setting with it).
 *
 * <p>A team's queue (the task query by candidate group, which for the team's own worker has no
 * authorization join) is planned the same way: at 4 the planner read all 100,000 tasks to join a
 * queue of 2,031 to them (count and first page 75–100 ms each); at 1.1 it looks up each task of
 * the queue (33–39 ms), and it still reads them all for a queue of a fifth of every task, where
 * that is quicker. On H2 nothing changes.
 */
@Component
public class AuthorizationQueryPlans extends AbstractProcessEnginePlugin {

  /** The alias of the authorization join in every authorization-checked query of the engine. */
  static final String AUTHORIZATION_JOIN = "AUTH.RESOURCE_ID_";

  /**
   * The join of the engine's task query by candidate (Task.xml): a team's queue, which a worker's
   * Tasklist lists without the authorization join ({@link TeamQueueQueries}).
   */
  static final String CANDIDATE_JOIN = "IDENTITYLINK I on I.TASK_ID_ = RES.ID_";

  /** The planner's cost of an index read for these statements (a sequential read costs 1). */
  static final String RANDOM_PAGE_COST = "1.1";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new CustomPlans());
  }

  /** Whether the statement for {@code sql} must be planned for its values each time. */
  static boolean needsCustomPlan(String sql) {
    return sql.contains(AUTHORIZATION_JOIN) || sql.contains(CANDIDATE_JOIN);
  }

  /** Both measures for one statement, around its execution: the SQL is looked at once. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}))
  static final class CustomPlans implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.getArgs()[0];
      if (!statement.isWrapperFor(PGStatement.class)
          || !needsCustomPlan(((StatementHandler) invocation.getTarget()).getBoundSql().getSql())) {
        return invocation.proceed();
      }
      // 0: never a named server-side statement, so never a generic plan
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      Connection connection = statement.getConnection();
      run(connection, "SET LOCAL random_page_cost = " + RANDOM_PAGE_COST);
      Object result = invocation.proceed();
      run(connection, "SET LOCAL random_page_cost TO DEFAULT");
      return result;
    }

    private static void run(Connection connection, String sql) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
      }
    }
  }
}
