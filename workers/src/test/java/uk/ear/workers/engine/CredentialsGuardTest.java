package uk.ear.workers.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.ear.workers.WorkersApplication;

class CredentialsGuardTest {

  @Test
  void outsideTheDemoProfileTheWorkersRefuseToStartWithoutAPassword() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(WorkersApplication.class)
            .web(WebApplicationType.NONE)
            .profiles("postgres");
    assertThatThrownBy(
            () ->
                app.run(
                    "--workers.engine.password=",
                    "--workers.engine.fetching=false",
                    "--workers.police.api-key=k"))
        .hasStackTraceContaining("Refusing to start: no password for the engine user 'workers'")
        .hasStackTraceContaining("WORKERS_ENGINE_PASSWORD");
  }

  @Test
  void withNoProfileTheDemoProfileAppliesAndTheDemoPasswordIsAccepted() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(WorkersApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--workers.engine.fetching=false",
                "--spring.datasource.url=jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1",
                // the test engine's auto-configuration is on the test classpath
                "--spring.autoconfigure.exclude="
                    + "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration,"
                    + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")) {
      EngineProperties engine = context.getBean(EngineProperties.class);
      org.assertj.core.api.Assertions.assertThat(engine.password()).isEqualTo("demo");
      org.assertj.core.api.Assertions.assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
      org.assertj.core.api.Assertions.assertThat(
              context.getBean(uk.ear.workers.handover.HandoverProperties.class).addresses())
          .hasSize(9);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "workers", "Password", "short-pw", "camunda"})
  void outsideTheDemoProfileADefaultOrShortPasswordIsRefused(String password) {
    assertThatThrownBy(() -> CredentialsGuard.check("workers", password, false))
        .hasMessageContaining("needs a strong password");
  }

  @Test
  void aStrongPasswordIsAcceptedAndDemoAcceptsDemo() {
    assertThatCode(() -> CredentialsGuard.check("workers", "a-long-worker-secret", false))
        .doesNotThrowAnyException();
    assertThatCode(() -> CredentialsGuard.check("workers", "demo", true)).doesNotThrowAnyException();
    assertThatThrownBy(() -> CredentialsGuard.check("workers", " ", true))
        .hasMessageContaining("no password");
  }
}
