package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the service gives the planner statistics on the authorization table's permission
 * bits (engine.AuthorizationStatistics): without them Tasklist's count over a team's 20,000 open
 * tasks took 41 s (docs/performance.md).
 */
@OnPostgres
class AuthorizationStatisticsPostgresIT extends EndToEndTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void thePlannerKnowsHowManyGrantsGiveReadAndReadTask() {
    assertThat(
            jdbc.queryForList(
                "select pg_get_statisticsobjdef_expressions(oid)::text from pg_statistic_ext"
                    + " where stxname = 'ear_auth_permission_bits'",
                String.class))
        .singleElement()
        .satisfies(expressions -> assertThat(expressions).contains("perms_ & 2", "perms_ & 64"));
  }
}
