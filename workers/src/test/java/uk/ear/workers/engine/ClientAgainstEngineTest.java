package uk.ear.workers.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.ear.testengine.TestEngineApplication;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.TestServers;
import uk.ear.workers.support.WorkersTestProperties;

/**
 * The real external task client of the workers against a real Camunda 7.24 engine over HTTP
 * ({@link TestEngineApplication}): long polling, locks, complete, BPMN errors the process
 * catches, failures with decreasing retries and the configured backoff, and the incident at the
 * end, as Cockpit would show them. The {@code workers} user has only READ_INSTANCE and
 * UPDATE_INSTANCE on the process definitions, so this also proves those permissions suffice.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "workers.engine.fetching=true",
      "workers.engine.worker-id=engine-test-worker",
      "workers.engine.async-response-timeout=1s",
      "workers.engine.lock-duration=20s",
      "workers.retry.backoff=300ms,600ms,900ms"
    })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClientAgainstEngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    WorkersTestProperties.register(registry);
    registry.add("workers.engine.url", TestEngineApplication::restUrl);
  }

  @Autowired JdbcTemplate jdbc;

  private final ProcessEngine engine = TestEngineApplication.engine();
  private final RuntimeService runtime = engine.getRuntimeService();
  private final HistoryService history = engine.getHistoryService();
  private final ExternalTaskService externalTasks = engine.getExternalTaskService();
  private final TaskService tasks = engine.getTaskService();

  @BeforeEach
  void reset() throws Exception {
    TestServers.smtp().purgeEmailFromAllMailboxes();
    TestServers.caseService().resetAll();
    TestServers.police().resetAll();
  }

  private String start(String processKey, String caseRef, Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(processKey, caseRef, variables).getId();
  }

  private boolean ended(String processInstanceId) {
    return history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .finished()
            .count()
        == 1;
  }

  private boolean waitsIn(String processInstanceId, String userTaskId) {
    return tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(userTaskId)
            .count()
        == 1;
  }

  private List<HistoricExternalTaskLog> failures(String processInstanceId) {
    return history
        .createHistoricExternalTaskLogQuery()
        .processInstanceId(processInstanceId)
        .failureLog()
        .orderByTimestamp()
        .asc()
        .list();
  }

  @Test
  void aPoliceUpdateIsPostedAndTheProcessMovesOn() {
    String ref = "EAR-2026-100001";
    Stubs.stubCase(ref, "PRESTON");
    Stubs.stubPoliceAccepts();

    String id = start("WorkersTest_Police", ref, Map.of("caseRef", ref, "policeEvent", "ATTACHED"));

    await().atMost(PATIENCE).until(() -> ended(id));
    TestServers.police()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH))
                .withHeader("X-Api-Key", equalTo("test-police-key")));
    assertThat(failures(id)).isEmpty();
  }

  @Test
  void anUnknownReceivingServiceIsABpmnErrorThatTheProcessCatches() {
    String ref = "EAR-2026-100002";

    String id =
        start(
            "WorkersTest_Handover",
            ref,
            Map.of("caseRef", ref, "receivingService", "SPACE_AGENCY"));

    await().atMost(PATIENCE).until(() -> waitsIn(id, "Task_ChooseReceivingService"));
    assertThat((String) runtime.getVariable(id, "handoverError")).contains("SPACE_AGENCY");
    assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).isZero();
    assertThat(TestServers.smtp().getReceivedMessages()).isEmpty();
  }

  @Test
  void aFailingSmtpServerLeadsToRetriesWithBackoffThenAnIncidentAndCockpitsRetrySendsOnce()
      throws Exception {
    String ref = "EAR-2026-100003";
    Stubs.stubHandoverPack(ref, 2);
    String id;
    TestServers.stopSmtp();
    try {
      id = start("WorkersTest_Handover", ref, Map.of("caseRef", ref, "receivingService", "EARLY_HELP"));

      await().atMost(PATIENCE).until(() -> runtime.createIncidentQuery().processInstanceId(id).count() == 1);
    } finally {
      TestServers.smtp();
    }

    Incident incident = runtime.createIncidentQuery().processInstanceId(id).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
    assertThat(incident.getIncidentMessage())
        .contains("the handover pack of " + ref + " to EARLY_HELP failed after 4 attempts")
        .contains("Mail server connection failed");
    ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(id).singleResult();
    assertThat(task.getRetries()).isZero();
    assertThat(externalTasks.getExternalTaskErrorDetails(task.getId()))
        .contains("org.springframework.mail.MailSendException")
        .doesNotContain(Stubs.CHILD_NAME);

    // each failure log holds the retries the task had when that attempt failed: none yet, then
    // the 3, 2 and 1 the worker reported; the last report was 0 (the incident)
    List<HistoricExternalTaskLog> failures = failures(id);
    assertThat(failures).extracting(HistoricExternalTaskLog::getRetries).containsExactly(null, 3, 2, 1);
    long[] backoff = {300, 600, 900};
    for (int i = 0; i < 3; i++) {
      long gap = failures.get(i + 1).getTimestamp().getTime() - failures.get(i).getTimestamp().getTime();
      assertThat(gap).as("wait before attempt %d", i + 2).isGreaterThanOrEqualTo(backoff[i]);
    }
    assertThat(TestServers.smtp().getReceivedMessages()).isEmpty();

    // SMTP is back; an operator retries the incident in Cockpit (retries = 1)
    externalTasks.setRetries(task.getId(), 1);

    await().atMost(PATIENCE).until(() -> waitsIn(id, "Task_AwaitAcknowledgement"));
    assertThat(TestServers.smtp().getReceivedMessages()).hasSize(1);
    assertThat(TestServers.smtp().getReceivedMessages()[0].getSubject())
        .isEqualTo("EAR handover: " + ref + " to Early Help");
    assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from sent_step where process_instance_id = ?", Integer.class, id))
        .isEqualTo(1);
  }

  @Test
  void aRejectedPoliceUpdateIsAnIncidentAtOnceWithThePoliceSystemsMessage() {
    String ref = "EAR-2026-100004";
    Stubs.stubCase(ref, "BURNLEY");
    Stubs.stubPolice(
        aResponse()
            .withStatus(422)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\": \"unknown incident reference LC-20260601-0421\"}"));

    String id = start("WorkersTest_Police", ref, Map.of("caseRef", ref, "policeEvent", "CLOSED"));

    await().atMost(PATIENCE).until(() -> runtime.createIncidentQuery().processInstanceId(id).count() == 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(id).singleResult().getIncidentMessage())
        .contains("422")
        .contains("unknown incident reference LC-20260601-0421");
    assertThat(failures(id)).extracting(HistoricExternalTaskLog::getRetries).containsExactly((Integer) null);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(id).singleResult().getRetries())
        .isZero();
    TestServers.police().verify(1, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
  }

  @Test
  void aManagerAlertIsMailedAndTheProcessMovesOn() throws Exception {
    String ref = "EAR-2026-100005";
    Stubs.stubCase(ref, "PRESTON");

    String id =
        start("WorkersTest_Alert", ref, Map.of("caseRef", ref, "alertKind", "VISIT_STILL_OVERDUE"));

    await().atMost(PATIENCE).until(() -> ended(id));
    assertThat(TestServers.smtp().getReceivedMessages()).hasSize(1);
    assertThat(TestServers.smtp().getReceivedMessages()[0].getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("managers-preston@test.example");
  }
}
