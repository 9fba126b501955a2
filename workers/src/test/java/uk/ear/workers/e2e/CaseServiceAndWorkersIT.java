package uk.ear.workers.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.ear.workers.WorkersApplication;
import uk.ear.workers.support.MailParts;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.TestServers;

/**
 * The case service and the workers together, as deployed: the case service's jar in its own JVM
 * (demo profile, in-memory H2, real job executor) and the workers application in this one, long
 * polling the case service's {@code /engine-rest}, mailing to GreenMail and posting to a WireMock
 * police system. One case is driven over HTTP exactly as outside systems do it (the police
 * integration's {@code POST /api/calls}, a Preston worker's Tasklist through {@code /engine-rest})
 * from the call to handover and closure; the external tasks are left to the real workers.
 *
 * <p>Needs the root build's jar ({@code ./mvnw -B clean verify} at the root): skipped without
 * it, a failure in CI ({@code CI=true}).
 */
@ExtendWith(CaseServiceProcess.JarPresent.class)
class CaseServiceAndWorkersIT {

  /** Long enough for a job executor cycle, a long poll and a send on a busy 2-core machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final String POLICE_KEY = "e2e-police-key";
  private static final String MAIL_FROM = "ear-workers@e2e.example";
  private static final String EARLY_HELP = "early-help@e2e.example";
  private static final String MENTAL_HEALTH = "mental-health@e2e.example";
  private static final String WORKER = "sw.preston1";
  private static final String MANAGER = "mgr.preston";
  private static final String VISIT_NOTES = "Seen with grandmother.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CaseServiceProcess caseService;
  private static ConfigurableApplicationContext workers;
  private static CaseServiceApi api;

  /** What the case service said, for a failed test's report. */
  @RegisterExtension
  static final TestWatcher CASE_SERVICE_LOG_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (caseService != null) {
            caseService.printLog();
          }
        }
      };

  @BeforeAll
  static void startCaseServiceAndWorkers() throws Exception {
    TestServers.smtp().purgeEmailFromAllMailboxes();
    TestServers.police().resetAll();
    Stubs.stubPoliceAccepts();

    caseService = CaseServiceProcess.start();
    api = new CaseServiceApi(caseService.baseUrl());
    workers =
        new SpringApplicationBuilder(WorkersApplication.class)
            .web(WebApplicationType.NONE)
            // as README.md runs them against the demo case service: user workers, its demo API key
            .profiles("demo")
            .run(
                // the test engine of the other tests is on this classpath: no engine here
                "--spring.autoconfigure.exclude="
                    + "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration,"
                    + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                "--workers.engine.url=" + caseService.baseUrl() + "/engine-rest",
                "--workers.engine.user=workers",
                "--workers.engine.api-key=demo-workers-key",
                "--workers.engine.worker-id=e2e-worker",
                // shorter long polls than in production, so closing the workers is quick
                "--workers.engine.async-response-timeout=2s",
                // a transient failure is retried within the test's patience, not after a minute
                "--workers.retry.backoff=2s,5s,10s",
                "--workers.case-service.url=" + caseService.baseUrl(),
                "--workers.police.url=" + TestServers.policeUrl(),
                "--workers.police.api-key=" + POLICE_KEY,
                "--workers.police.read-timeout=10s",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestServers.smtpPort(),
                "--workers.mail.from=" + MAIL_FROM,
                "--workers.handover.addresses.EARLY_HELP=" + EARLY_HELP,
                "--workers.handover.addresses.MENTAL_HEALTH_SERVICES=" + MENTAL_HEALTH,
                "--spring.datasource.url=jdbc:h2:mem:workers-e2e;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
  }

  @AfterAll
  static void stopWorkersThenCaseService() {
    try {
      if (workers != null) {
        // first, while the engine is there to take back what the workers hold
        workers.close();
      }
    } finally {
      if (caseService != null) {
        caseService.stop();
      }
    }
  }

  @Test
  void aCaseGoesFromCallToHandoverWithTheMailsSentAndToClosureWithThePoliceTold() throws Exception {
    // --- the police integration sends a grade 3 call about a child in Preston
    String incidentRef = "LC-E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String child = "Jamie Endtoend " + UUID.randomUUID().toString().substring(0, 8);
    String childDob = "2010-03-04";
    CaseServiceApi.Response created = api.post("police", "/api/calls", call(incidentRef, child, childDob));
    assertThat(created.code()).as("POST /api/calls: %s", created.body()).isEqualTo(201);
    assertThat(created.body().path("route").asText()).isEqualTo("JOINT_VISIT");
    String caseRef = created.body().path("caseRef").asText();

    // --- a Preston worker visits, assesses and refers on to two services, through the forms
    complete(caseRef, "Record joint visit", Map.of("riskLevel", "MEDIUM", "visitNotes", VISIT_NOTES));
    complete(caseRef, "Assess needs", Map.of("assessmentOutcome", "REFER_ON"));
    assertThat(caseView(caseRef).path("stage").asText()).isEqualTo("HANDOVER");
    complete(
        caseRef,
        "Choose receiving services",
        Map.of(
            "receivingServices",
            Map.of("value", "[\"EARLY_HELP\",\"MENTAL_HEALTH_SERVICES\"]", "type", "Json")));

    // --- consent was not sought: no pack may leave until the manager approves a lawful basis
    complete(caseRef, "Record consent to share", Map.of("consentToShare", "NOT_SOUGHT"));
    List<JsonNode> approval =
        await("the manager's sharing decision of " + caseRef)
            .atMost(PATIENCE)
            .until(() -> tasksNamed(MANAGER, caseRef, "Approve sharing without consent"), found -> !found.isEmpty());
    String handover =
        api.get("admin", "/engine-rest/process-instance?processDefinitionKey=Handover&businessKey=" + caseRef)
            .body().get(0).path("id").asText();
    assertThat(
            api.get("admin", "/engine-rest/external-task/count?topicName=ear-handover-pack&processInstanceId=" + handover)
                .body().path("count").asInt())
        .as("handover packs due without a lawful basis")
        .isZero();
    assertThat(mailsAbout(caseRef)).isEmpty();
    String approvalId = approval.get(0).path("id").asText();
    CaseServiceApi.Response approvalForm = api.get(MANAGER, "/engine-rest/task/" + approvalId + "/deployed-form");
    assertThat(
            api.post(MANAGER, "/engine-rest/task/" + approvalId + "/submit-form",
                    CaseServiceApi.formSubmission(approvalForm.body(),
                        Map.of("sharingDecision", "APPROVE", "lawfulBasis", "SAFEGUARDING_CHILD")))
                .code())
        .isEqualTo(204);

    // --- the job executor reaches each pack's external task, the workers fetch it and mail it
    List<MimeMessage> mails =
        await("the handover mails of " + caseRef)
            .atMost(PATIENCE)
            .until(() -> mailsAbout(caseRef), found -> found.size() >= 2);
    assertThat(mails).hasSize(2);
    assertThat(mails)
        .extracting(mail -> mail.getRecipients(Message.RecipientType.TO)[0].toString())
        .containsExactlyInAnyOrder(EARLY_HELP, MENTAL_HEALTH);
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder(
            "EAR handover: " + caseRef + " to Early Help",
            "EAR handover: " + caseRef + " to Mental Health Services");
    assertThat(mails)
        .extracting(mail -> mail.getHeader("X-EAR-Idempotency-Key")[0])
        .doesNotHaveDuplicates();
    for (MimeMessage mail : mails) {
      assertThat(mail.getFrom()).extracting(Object::toString).containsExactly(MAIL_FROM);
      MailParts parts = MailParts.of(mail);
      assertThat(parts.text())
          .contains(caseRef)
          .contains(incidentRef)
          .doesNotContain(child)
          .doesNotContain(childDob);
      assertThat(parts.pdfNames()).containsExactly("EAR-handover-" + caseRef + ".pdf");
      try (PDDocument pdf = Loader.loadPDF(parts.pdfs().get(0))) {
        // the pack the case service gave the workers: the case, its people and its record
        assertThat(new PDFTextStripper().getText(pdf))
            .contains("EAR handover summary: " + caseRef)
            .contains(incidentRef)
            .contains(child)
            .contains(VISIT_NOTES);
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("EAR handover summary " + caseRef);
      }
    }
    // by now the police have heard of the new case and of the visit, each once
    await("the police updates of the new case and the visit of " + caseRef)
        .atMost(PATIENCE)
        .until(() -> policeUpdatesAbout(caseRef).size() >= 2);
    assertThat(eventsOf(policeUpdatesAbout(caseRef))).containsExactlyInAnyOrder("ATTACHED", "VISITED");

    // --- the workers completed both tasks: the worker records that both services accepted
    await("the handover responses to record")
        .atMost(PATIENCE)
        .until(() -> tasksNamed(caseRef, "Record handover response").size() == 2);
    complete(caseRef, "Record handover response", Map.of("handoverResponse", "ACCEPTED"));
    complete(caseRef, "Record handover response", Map.of("handoverResponse", "ACCEPTED"));

    // --- closing is a save point the job executor runs; then the workers tell the police
    await("the police update of the closure of " + caseRef)
        .atMost(PATIENCE)
        .until(() -> eventsOf(policeUpdatesAbout(caseRef)).contains("CLOSED"));
    // the workers completed it: nothing of the case is left in the engine
    await("the end of the process of " + caseRef)
        .atMost(PATIENCE)
        .until(() -> processFinished(caseRef));
    List<LoggedRequest> updates = policeUpdatesAbout(caseRef);
    assertThat(eventsOf(updates)).as("one update per event, each sent once")
        .containsExactlyInAnyOrder("ATTACHED", "VISITED", "CLOSED");
    assertThat(updates).extracting(u -> u.getHeader("Idempotency-Key")).doesNotHaveDuplicates();
    LoggedRequest update =
        updates.stream().filter(u -> eventOf(u).equals("CLOSED")).findFirst().orElseThrow();
    assertThat(update.getHeader("X-Api-Key")).isEqualTo(POLICE_KEY);
    assertThat(update.getHeader("Idempotency-Key"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(update.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(update.getBodyAsString());
    assertThat(body.path("caseRef").asText()).isEqualTo(caseRef);
    assertThat(body.path("event").asText()).isEqualTo("CLOSED");
    assertThat(body.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(body.path("team").asText()).isEqualTo("PRESTON");
    assertThat(body.path("incidentRefs")).extracting(JsonNode::asText).containsExactly(incidentRef);
    assertThat(body.path("respondedInTime").asBoolean()).isTrue();
    assertThat(update.getBodyAsString())
        .doesNotContain(child)
        .doesNotContain("Endtoend")
        .doesNotContain(childDob)
        .doesNotContain("Example Street")
        .doesNotContain("subjects");

    assertThat(mailsAbout(caseRef)).as("one mail per service, sent once").hasSize(2);

    // --- and the case, as the police integration sees it
    CaseServiceApi.Response view = api.get("police", "/api/cases/" + caseRef);
    assertThat(view.code()).as("GET /api/cases/%s as police: %s", caseRef, view.body()).isEqualTo(200);
    JsonNode closed = view.body();
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closureReason").asText()).isEqualTo("HANDED_OVER");
    assertThat(closed.path("closedAt").isNull()).isFalse();
    // the police get the time of closing, to the second
    assertThat(OffsetDateTime.parse(body.path("occurredAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse(closed.path("closedAt").asText()).toInstant().truncatedTo(ChronoUnit.SECONDS));
  }

  private static List<String> eventsOf(List<LoggedRequest> updates) {
    return updates.stream().map(CaseServiceAndWorkersIT::eventOf).toList();
  }

  private static String eventOf(LoggedRequest update) {
    try {
      return JSON.readTree(update.getBodyAsString()).path("event").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // --- the police integration

  /** The contract's example call, grade 3 (48 hours), logged 20 hours ago in Preston. */
  private static Map<String, Object> call(String incidentRef, String child, String childDob) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("incidentRef", incidentRef);
    call.put(
        "reportedAt",
        OffsetDateTime.now(CaseServiceApi.LONDON).minusHours(20).truncatedTo(ChronoUnit.SECONDS).toString());
    call.put("grade", 3);
    call.put("category", "MISSING_PERSON");
    call.put("district", "PRESTON");
    call.put("location", "12 Example Street, Preston PR1 1AA");
    call.put("subjects", List.of(Map.of("name", child, "dateOfBirth", childDob, "role", "CHILD")));
    call.put("summary", "15-year-old returned home after 2 days missing; parent reports concerns.");
    call.put("officer", Map.of("collarNumber", "PC1234", "name", "PC Example"));
    return call;
  }

  private static JsonNode caseView(String caseRef) {
    CaseServiceApi.Response view = api.get(WORKER, "/api/cases/" + caseRef);
    assertThat(view.code()).as("GET /api/cases/%s: %s", caseRef, view.body()).isEqualTo(200);
    return view.body();
  }

  // --- the worker's Tasklist

  private static List<JsonNode> tasksNamed(String caseRef, String name) {
    return tasksNamed(WORKER, caseRef, name);
  }

  private static List<JsonNode> tasksNamed(String user, String caseRef, String name) {
    CaseServiceApi.Response tasks =
        api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseRef);
    assertThat(tasks.code()).as("task query: %s", tasks.body()).isEqualTo(200);
    List<JsonNode> named = new ArrayList<>();
    tasks.body().forEach(t -> {
      if (t.path("name").asText().equals(name)) {
        named.add(t);
      }
    });
    return named;
  }

  /** Claims the case's first task of that name if no one has it, and submits its form. */
  private static void complete(String caseRef, String taskName, Map<String, Object> values) {
    JsonNode task =
        await("task '" + taskName + "' of " + caseRef)
            .atMost(PATIENCE)
            .until(() -> tasksNamed(caseRef, taskName), found -> !found.isEmpty())
            .get(0);
    String id = task.path("id").asText();
    if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
      CaseServiceApi.Response claimed =
          api.post(WORKER, "/engine-rest/task/" + id + "/claim", Map.of("userId", WORKER));
      assertThat(claimed.code()).as("claim '%s': %s", taskName, claimed.body()).isEqualTo(204);
    } else {
      assertThat(task.path("assignee").asText()).isEqualTo(WORKER);
    }
    CaseServiceApi.Response form = api.get(WORKER, "/engine-rest/task/" + id + "/deployed-form");
    assertThat(form.code()).as("form of '%s': %s", taskName, form.body()).isEqualTo(200);
    CaseServiceApi.Response done =
        api.post(
            WORKER,
            "/engine-rest/task/" + id + "/submit-form",
            CaseServiceApi.formSubmission(form.body(), values));
    assertThat(done.code()).as("submit '%s': %s", taskName, done.body()).isEqualTo(204);
  }

  private static boolean processFinished(String caseRef) {
    CaseServiceApi.Response finished =
        api.get(
            "admin",
            "/engine-rest/history/process-instance/count?finished=true&processDefinitionKey=EarlyActionCase&processInstanceBusinessKey="
                + caseRef);
    return finished.code() == 200 && finished.body().path("count").asInt() == 1;
  }

  // --- what reached the outside world (the demo cases may send too: only this case counts)

  private static List<MimeMessage> mailsAbout(String caseRef) throws MessagingException {
    List<MimeMessage> about = new ArrayList<>();
    for (MimeMessage mail : TestServers.smtp().getReceivedMessages()) {
      if (mail.getSubject() != null && mail.getSubject().contains(caseRef)) {
        about.add(mail);
      }
    }
    return about;
  }

  private static List<LoggedRequest> policeUpdatesAbout(String caseRef) {
    return TestServers.police().findAll(postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH))).stream()
        .filter(r -> r.getBodyAsString().contains("\"" + caseRef + "\""))
        .toList();
  }
}
