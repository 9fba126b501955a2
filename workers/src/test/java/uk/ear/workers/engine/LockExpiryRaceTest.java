package uk.ear.workers.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.testengine.TestEngineApplication;
import uk.ear.workers.WorkersApplication;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.TestServers;

/**
 * Two worker instances sharing one idempotency database, and a send slower than the lock: the
 * lock expires mid-send, the other instance fetches the same task and works on it too. The
 * unique key holds the second back until the first has sent, and the police system gets one POST.
 */
class LockExpiryRaceTest {

  private final ProcessEngine engine = TestEngineApplication.engine();

  private static ConfigurableApplicationContext worker(String id) {
    return new SpringApplicationBuilder(WorkersApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test")
        .run(
            "--workers.engine.url=" + TestEngineApplication.restUrl(),
            "--workers.engine.worker-id=" + id,
            "--workers.engine.async-response-timeout=1s",
            // shorter than the police system's answer below
            "--workers.engine.lock-duration=1s",
            "--workers.case-service.url=" + TestServers.caseService().baseUrl(),
            "--workers.police.url=" + TestServers.policeUrl(),
            "--workers.police.read-timeout=10s",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + TestServers.smtpPort(),
            // one database for both instances, as in production
            "--spring.datasource.url=jdbc:h2:mem:race-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=15000");
  }

  @Test
  void whenALockExpiresDuringASlowSendTheSecondInstanceDoesNotSendAgain() {
    TestServers.caseService().resetAll();
    TestServers.police().resetAll();
    String ref = "EAR-2026-300001";
    Stubs.stubCase(ref, "PRESTON");
    Stubs.stubPolice(aResponse().withStatus(202).withFixedDelay(4000));

    try (ConfigurableApplicationContext a = worker("race-a");
        ConfigurableApplicationContext b = worker("race-b")) {
      String id =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  "WorkersTest_Police", ref, Map.of("caseRef", ref, "policeEvent", "ATTACHED"))
              .getId();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  engine
                          .getHistoryService()
                          .createHistoricProcessInstanceQuery()
                          .processInstanceId(id)
                          .finished()
                          .count()
                      == 1);

      // both instances worked on the step (each read the case) ...
      assertThat(
              TestServers.caseService().findAll(getRequestedFor(urlPathEqualTo("/api/cases/" + ref))))
          .hasSizeGreaterThanOrEqualTo(2);
      // ... and the police system heard of it once
      TestServers.police().verify(1, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
      assertThat(
              a.getBean(JdbcTemplate.class)
                  .queryForObject(
                      "select count(*) from sent_step where process_instance_id = ?",
                      Integer.class,
                      id))
          .isEqualTo(1);
    }
  }
}
