package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's PostgreSQL connections do not JIT-compile statements (application-postgres.yml,
 * docs/performance.md): with JIT, Tasklist's count over a 20,000-task queue took 0.75 s, not 0.2 s.
 */
@OnPostgres
class ConnectionSettingsPostgresIT extends EndToEndTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void noStatementIsCompiled() {
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
  }
}
