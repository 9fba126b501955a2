package uk.ear.workers.police;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import uk.ear.workers.task.PermanentFailure;

/** The police stub of docker-compose.yml (workers/police-stub) takes what the workers send. */
class PoliceStubTest {

  private WireMockServer stub;

  @BeforeEach
  void start() {
    stub = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("police-stub"));
    stub.start();
  }

  @AfterEach
  void stop() {
    stub.stop();
  }

  private PoliceClient client(String apiKey) {
    return new PoliceClient(
        RestClient.builder(),
        new PoliceProperties(
            stub.baseUrl() + "/police/ear/updates", apiKey, Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  private static PoliceUpdate update() {
    return new PoliceUpdate(
        List.of("LC-20260601-0421"), "EAR-2026-000007", PoliceEvent.ATTACHED, "AWAITING_VISIT",
        "PRESTON", "2026-06-01T09:43:10+01:00", null, null);
  }

  @Test
  void acceptsAWellFormedUpdate() {
    assertThatCode(() -> client("any-key").post(update(), "7d0a0e3c-2f0e-3c0e-9a39-0a0f0e0a0b0c"))
        .doesNotThrowAnyException();
    assertThat(stub.getAllServeEvents()).hasSize(1);
  }

  @Test
  void refusesAnUpdateWithoutItsIdempotencyKeyAsTheWorkersWouldReportIt() {
    assertThatThrownBy(() -> client("any-key").post(update(), ""))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("400")
        .hasMessageContaining("police stub");
  }
}
