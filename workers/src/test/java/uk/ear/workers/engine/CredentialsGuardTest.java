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
  void outsideTheDemoProfileTheWorkersRefuseToStartWithoutAnApiKey() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(WorkersApplication.class)
            .web(WebApplicationType.NONE)
            .profiles("postgres");
    assertThatThrownBy(
            () ->
                app.run(
                    "--workers.engine.api-key=",
                    "--workers.engine.password=a-long-worker-secret",
                    "--workers.engine.fetching=false",
                    "--workers.police.api-key=k"))
        .hasStackTraceContaining("Refusing to start: no API key for the engine user 'workers'")
        .hasStackTraceContaining("WORKERS_ENGINE_API_KEY");
  }

  @Test
  void withNoProfileTheDemoProfileAppliesWithTheDemoKey() {
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
      org.assertj.core.api.Assertions.assertThat(engine.apiKey()).isEqualTo("demo-workers-key");
      org.assertj.core.api.Assertions.assertThat(engine.password()).isEqualTo("demo");
      org.assertj.core.api.Assertions.assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
      org.assertj.core.api.Assertions.assertThat(
              context.getBean(uk.ear.workers.handover.HandoverProperties.class).addresses())
          .hasSize(9);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "workers", "demo-workers-key", "short-key", "changeme"})
  void outsideTheDemoProfileADemoOrShortKeyIsRefused(String key) {
    assertThatThrownBy(() -> CredentialsGuard.check("workers", null, key, false))
        .hasMessageContaining("needs a strong API key");
  }

  @Test
  void aStrongKeyIsAcceptedWithoutAPasswordAndTheDemoAcceptsEither() {
    assertThatCode(() -> CredentialsGuard.check("workers", null, "a-long-worker-api-key-0123", false))
        .doesNotThrowAnyException();
    assertThatCode(() -> CredentialsGuard.check("workers", "demo", null, true)).doesNotThrowAnyException();
    assertThatCode(() -> CredentialsGuard.check("workers", null, "demo-workers-key", true))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CredentialsGuard.check("workers", " ", "", true))
        .hasMessageContaining("neither an API key nor a password");
    // a strong password alone is no longer enough outside the demo
    assertThatThrownBy(() -> CredentialsGuard.check("workers", "a-long-worker-secret", null, false))
        .hasMessageContaining("no API key");
  }
}
