package uk.ear.caseservice.engine;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * groups come back (Camunda drops the null the original also returns). On H2 nothing changes.
 */
@Component
public class AuthorizedGroupsLookup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuthorizedGroupsLookup.class);

  /** Camunda's statement (mapping {@code Authorization.xml}). */
  static final String STATEMENT = "selectAuthorizedGroupIds";

  /** A part of that statement's text, to pass over every other statement at the cost of a search. */
  static final String SQL_MARK = "distinct(A.GROUP_ID_)";

  private final AtomicLong rewritten = new AtomicLong();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if ("postgres".equals(configuration.getDatabaseType())) {
      configuration
          .getSqlSessionFactory()
          .getConfiguration()
          .addInterceptor(new GroupIndexSteps(sql(configuration.getDatabaseTablePrefix()), rewritten));
    }
  }

  /** The distinct non-null group ids of the grants, one index step per group. */
  public static String sql(String tablePrefix) {
    String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_AUTHORIZATION";
    return "WITH RECURSIVE G (GROUP_ID_) AS ("
        + " SELECT MIN(GROUP_ID_) FROM " + table
        + " UNION ALL"
        + " SELECT (SELECT MIN(A.GROUP_ID_) FROM " + table + " A WHERE A.GROUP_ID_ > G.GROUP_ID_)"
        + " FROM G WHERE G.GROUP_ID_ IS NOT NULL)"
        + " SELECT GROUP_ID_ FROM G WHERE GROUP_ID_ IS NOT NULL";
  }

  /** How many times the engine's statement was read the other way (for tests and diagnostics). */
  public long rewritten() {
    return rewritten.get();
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class GroupIndexSteps implements Interceptor {

    private final String sql;
    private final AtomicLong rewritten;
    private final AtomicBoolean warned = new AtomicBoolean();

    GroupIndexSteps(String sql, AtomicLong rewritten) {
      this.sql = sql;
      this.rewritten = rewritten;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      // a look at the text first (every statement passes here), the statement's id only then
      if (handler.getBoundSql().getSql().contains(SQL_MARK) && isTheGroupList(handler)) {
        SystemMetaObject.forObject(handler.getBoundSql()).setValue("sql", sql);
        rewritten.incrementAndGet();
      }
      return invocation.proceed();
    }

    /** Whether MyBatis is about to prepare Camunda's statement (any failure to tell: no). */
    private boolean isTheGroupList(StatementHandler handler) {
      try {
        Object target = handler;
        // another interceptor's proxy (MyBatis' Plugin) around MyBatis' handler
        while (Proxy.isProxyClass(target.getClass())) {
          target = SystemMetaObject.forObject(Proxy.getInvocationHandler(target)).getValue("target");
        }
        MetaObject routing = SystemMetaObject.forObject(target);
        if (!routing.hasGetter("delegate")) {
          return false;
        }
        Object statement = SystemMetaObject.forObject(routing.getValue("delegate")).getValue("mappedStatement");
        return statement instanceof MappedStatement mapped && mapped.getId().endsWith("." + STATEMENT);
      } catch (RuntimeException e) {
        // a MyBatis whose handlers look otherwise: Camunda's own statement runs, as without this
        if (warned.compareAndSet(false, true)) {
          log.warn("cannot tell MyBatis' statements apart; the groups with grants are read Camunda's way", e);
        }
        return false;
      }
    }
  }
}
