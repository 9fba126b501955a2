package uk.ear.caseservice.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import uk.ear.caseservice.CaseServiceApplication;

/** Outside the demo profile there are no default passwords: the service will not start. */
class ProductionStartupTest {

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    SpringApplicationBuilder production =
        new SpringApplicationBuilder(CaseServiceApplication.class)
            .profiles("postgres")
            .properties(
                // no PostgreSQL needed to see the refusal: it comes before any request is served
                "spring.datasource.url=jdbc:h2:mem:refusal;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa",
                "server.port=0",
                "camunda.bpm.admin-user.password=",
                "camunda.bpm.generate-unique-process-engine-name=true",
                // the refusal is expected: keep its stack trace out of the build log
                "logging.level.root=OFF");
    assertThatThrownBy(production::run)
        .rootCause()
        .hasMessageContaining("EAR_ADMIN_PASSWORD");
  }
}
