package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Acquisition by due date on PostgreSQL, in the shared PostgreSQL application; and the service's
 * connections run without PostgreSQL's JIT (docs/performance.md "JIT").
 */
@OnPostgres
class JobAcquisitionPostgresIT extends JobAcquisitionContract {

  @Test
  void theServicesConnectionsDoNotCompileQueries() {
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
  }
}
