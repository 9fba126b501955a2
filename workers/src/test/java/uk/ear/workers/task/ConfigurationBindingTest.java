package uk.ear.workers.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import uk.ear.workers.alerts.AlertProperties;
import uk.ear.workers.handover.HandoverProperties;
import uk.ear.workers.handover.ReceivingService;

/** Addresses and backoff set the way Docker Compose sets them: environment variables. */
class ConfigurationBindingTest {

  private static Binder environment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new Binder(ConfigurationPropertySources.get(environment));
  }

  @Test
  void handoverAddressesAndTeamAddressesBindFromEnvironmentVariables() {
    Binder binder =
        environment(
            Map.of(
                "WORKERS_HANDOVER_ADDRESSES_EARLY_HELP", "early-help@council.example",
                "WORKERS_HANDOVER_ADDRESSES_CONNECT_4_LIFE", "c4l@nhs.example",
                "WORKERS_ALERTS_TEAMADDRESSES_PRESTON", "preston-duty@council.example",
                "WORKERS_ALERTS_TEAMADDRESSES_DEFAULT", "duty@council.example",
                "WORKERS_ALERTS_WEBAPPURL", "https://ear.council.example/camunda/app",
                "WORKERS_RETRY_BACKOFF", "2m,10m,30m"));

    HandoverProperties handover = binder.bind("workers.handover", HandoverProperties.class).get();
    assertThat(handover.addresses())
        .containsEntry(ReceivingService.EARLY_HELP, "early-help@council.example")
        .containsEntry(ReceivingService.CONNECT_4_LIFE, "c4l@nhs.example");

    AlertProperties alerts = binder.bind("workers.alerts", AlertProperties.class).get();
    assertThat(alerts.addressOf("PRESTON")).contains("preston-duty@council.example");
    assertThat(alerts.addressOf("SOUTH_RIBBLE")).contains("duty@council.example");

    RetryProperties retry = binder.bind("workers.retry", RetryProperties.class).get();
    assertThat(retry.backoff())
        .containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30));
  }

  @Test
  void theRetryPolicyCountsDownTheConfiguredDelays() {
    RetryPolicy policy =
        new RetryPolicy(
            new RetryProperties(
                java.util.List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))));
    assertThat(policy.afterFailure(null)).isEqualTo(new RetryPolicy.Next(3, Duration.ofMinutes(1), 1, 4));
    assertThat(policy.afterFailure(3)).isEqualTo(new RetryPolicy.Next(2, Duration.ofMinutes(5), 2, 4));
    assertThat(policy.afterFailure(2)).isEqualTo(new RetryPolicy.Next(1, Duration.ofMinutes(15), 3, 4));
    assertThat(policy.afterFailure(1)).isEqualTo(new RetryPolicy.Next(0, Duration.ZERO, 4, 4));
    // an operator's retry in Cockpit with more retries than configured: the first delay again
    assertThat(policy.afterFailure(7).retries()).isEqualTo(6);
    assertThat(policy.afterFailure(7).delay()).isEqualTo(Duration.ofMinutes(1));
  }
}
