package uk.ear.caseservice.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.listener.lifecycle.JdbcLifecycleEventListenerAdapter;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts every JDBC statement and transaction the service sends, the engine's included, as
 * {@code ear.jdbc.statements} (by kind: select, insert, update, delete, other), {@code
 * ear.jdbc.commits} and {@code ear.jdbc.rollbacks} at {@code /actuator/prometheus}. Off unless
 * {@code ear.jdbc.count-statements=true}: the benchmark ({@code bench/}) reads the counters before
 * and after a number of operations to report statements and transactions per intake and per task
 * completion. A batch counts each of its statements. The proxy costs a little on every call, so
 * production runs without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ear.jdbc.count-statements", havingValue = "true")
public class JdbcStatementCounting {

  @Bean
  static BeanPostProcessor countingDataSource(ObjectProvider<MeterRegistry> registry) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource) || bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource) {
          return bean;
        }
        Counters counters = new Counters(registry);
        return ProxyDataSourceBuilder.create(dataSource)
            .name(name)
            .listener(counters)
            .build();
      }
    };
  }

  /** The counters, looked up lazily: the data source exists before the meter registry. */
  static final class Counters extends JdbcLifecycleEventListenerAdapter {
    private final ObjectProvider<MeterRegistry> registry;

    Counters(ObjectProvider<MeterRegistry> registry) {
      this.registry = registry;
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      String thread = thread();
      // one round trip to the database, whatever the batch holds
      counter("ear.jdbc.executions", "thread", thread).increment();
      int count = Math.max(1, execution.getBatchSize());
      for (QueryInfo query : queries) {
        QueryType type = QueryUtils.getQueryType(query.getQuery());
        counter("ear.jdbc.statements", "kind", type.name().toLowerCase(java.util.Locale.ROOT), "thread", thread)
            .increment(execution.isBatch() ? count / (double) queries.size() : 1);
      }
    }

    @Override
    public void afterCommit(MethodExecutionContext context) {
      counter("ear.jdbc.commits", "thread", thread()).increment();
    }

    @Override
    public void afterRollback(MethodExecutionContext context) {
      counter("ear.jdbc.rollbacks", "thread", thread()).increment();
    }

    /** Whose work it is: an HTTP request's, the job executor's, or anything else (start-up, timers of the pool). */
    private static String thread() {
      String name = Thread.currentThread().getName();
      if (name.startsWith("http-")) {
        return "request";
      }
      if (name.contains("camundaTaskExecutor") || name.contains("JobExecutor")) {
        return "job";
      }
      return "other";
    }

    private Counter counter(String name, String... tags) {
      return Counter.builder(name).tags(tags).register(registry.getObject());
    }
  }
}
