package uk.ear.workers.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.ear.testengine.TestEngineApplication;
import uk.ear.workers.WorkersApplication;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.TestServers;

/**
 * Shutting the workers down finishes the task in hand and hands back what this worker id still
 * holds in the engine, so another instance can take it at once rather than after the lock.
 */
class GracefulShutdownTest {

  private static final String WORKER_ID = "shutdown-test-worker";

  private final ProcessEngine engine = TestEngineApplication.engine();
  private final ExternalTaskService externalTasks = engine.getExternalTaskService();

  private ConfigurableApplicationContext startWorkers() {
    return new SpringApplicationBuilder(WorkersApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test")
        .run(
            "--workers.engine.url=" + TestEngineApplication.restUrl(),
            "--workers.engine.worker-id=" + WORKER_ID,
            "--workers.engine.async-response-timeout=1s",
            "--workers.engine.lock-duration=60s",
            "--workers.case-service.url=" + TestServers.caseService().baseUrl(),
            "--workers.police.url=" + TestServers.policeUrl(),
            "--workers.police.read-timeout=10s",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + TestServers.smtpPort(),
            "--spring.datasource.url=jdbc:h2:mem:shutdown-test;DB_CLOSE_DELAY=-1");
  }

  @Test
  void shutdownFinishesTheTaskInHandAndUnlocksWhatThisWorkerStillHolds() {
    TestServers.caseService().resetAll();
    TestServers.police().resetAll();
    String ref = "EAR-2026-200001";
    Stubs.stubCase(ref, "PRESTON");
    // a slow police system: the update is still being sent when shutdown begins
    Stubs.stubPolice(aResponse().withStatus(202).withFixedDelay(1500));
    ConfigurableApplicationContext workers = startWorkers();
    String held;
    String inHand;
    try {
      // a task this worker id holds but has not started (as in a fetched batch)
      String other =
          engine.getRuntimeService().startProcessInstanceByKey("WorkersTest_Other", ref).getId();
      List<LockedExternalTask> locked =
          externalTasks
              .fetchAndLock(1, WORKER_ID)
              .topic("ear-test-unsubscribed", 60_000)
              .execute();
      assertThat(locked).hasSize(1);
      held = locked.get(0).getId();

      inHand =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  "WorkersTest_Police", ref, Map.of("caseRef", ref, "policeEvent", "VISITED"))
              .getId();
      // the handler has started once it has read the case
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  !TestServers.caseService()
                      .findAll(getRequestedFor(urlPathEqualTo("/api/cases/" + ref)))
                      .isEmpty());
    } finally {
      workers.close();
    }

    // finished: posted once and completed, so the process has ended
    TestServers.police().verify(1, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(inHand)
                .finished()
                .count())
        .isEqualTo(1);
    // handed back: no longer locked by anyone
    ExternalTask task = externalTasks.createExternalTaskQuery().externalTaskId(held).singleResult();
    assertThat(task.getWorkerId()).isNull();
    assertThat(externalTasks.createExternalTaskQuery().externalTaskId(held).locked().count()).isZero();
  }
}
