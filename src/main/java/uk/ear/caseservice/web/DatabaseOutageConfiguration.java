package uk.ear.caseservice.web;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While the database is down every request of {@code /api}, {@code /engine-rest} and the rest
 * answers {@code 503} with {@code Retry-After} (README, "When the database is down"); the pool's
 * and the driver's timeouts that make it quick are in {@code application*.yml}. Health and
 * readiness say DOWN then, and only then: not when the pool is merely busy ({@link DatabaseHealth}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseOutageConfiguration.Settings.class)
class DatabaseOutageConfiguration {

  /**
   * {@code ear.database-outage.*}.
   *
   * @param retryAfter the shortest {@code Retry-After} of a {@code 503} answered while the
   *     database cannot be reached (whole seconds, at least 1)
   * @param retryAfterSpread how much longer a {@code Retry-After} may be, chosen at random for
   *     each answer, so that the clients refused during an outage do not all come back in the same
   *     second when it ends (0 for always {@code retryAfter})
   */
  @ConfigurationProperties("ear.database-outage")
  record Settings(@DefaultValue("5s") Duration retryAfter, @DefaultValue("5s") Duration retryAfterSpread) {}

  @Bean
  DatabaseUnavailable databaseUnavailable(Settings settings) {
    return new DatabaseUnavailable(settings.retryAfter(), settings.retryAfterSpread());
  }

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseUnavailable unavailable) {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(new DatabaseOutageFilter(unavailable));
    registration.addUrlPatterns("/*");
    // outside the security audit (-110) and Spring Security (-100), inside the forwarded-header
    // and observation filters, so metrics and logs see the 503
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
    return registration;
  }

  /** Connections of its own for the health check (a test wraps this bean to take them away). */
  @Bean
  DatabaseProbe databaseProbe(DataSource dataSource) throws SQLException {
    return DatabaseProbe.beside(dataSource.unwrap(HikariDataSource.class));
  }

  /** The {@code db} health component in place of Spring Boot's, which borrows from the pool. */
  @Bean("dbHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("db")
  DatabaseHealth dbHealthIndicator(DatabaseProbe probe, DataSource dataSource) throws SQLException {
    return new DatabaseHealth(probe, dataSource.unwrap(HikariDataSource.class));
  }
}
