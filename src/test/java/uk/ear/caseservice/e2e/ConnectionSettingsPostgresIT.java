package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's PostgreSQL connections do not JIT-compile statements and price an index read
 * close to a sequential one (application-postgres.yml, docs/performance.md): with JIT, Tasklist's
 * count over a 20,000-task queue took 0.75 s, not 0.2 s; at the server's default index cost the
 * count over 2,121 tasks sometimes took 350 ms, not 60 ms.
 */
@OnPostgres
class ConnectionSettingsPostgresIT extends EndToEndTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void noStatementIsCompiled() {
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
  }

  @Test
  void indexReadsArePricedAsReadsFromMemory() {
    assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
  }
}
