package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static uk.ear.caseservice.support.Calls.call;
import static uk.ear.caseservice.support.Calls.person;
import static uk.ear.caseservice.support.Calls.uniqueRef;
import static uk.ear.caseservice.support.Calls.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.IncidentRepository;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Casework;
import uk.ear.caseservice.support.FormFiller;

/**
 * The HTTP contract of ../shared/api-contract.md, end to end: /api and /engine-rest with the demo
 * identities, driving cases the way the police integration and Tasklist do. Run against H2 and
 * PostgreSQL by the subclasses.
 */
abstract class CaseServiceContract extends EndToEndTest {


  @Autowired CaseRepository cases;
  @Autowired IncidentRepository incidents;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  /** The worker id under which these tests fetch and lock, as the workers app would. */
  static final String WORKER_ID = "e2e-worker";

  Api api;
  Casework work;

  @BeforeEach
  void client() {
    api = new Api(port);
    work = new Casework(api);
  }

  // --- POST /api/calls

  @Test
  void contractExampleOpensACaseAndStartsItsProcess() {
    Map<String, Object> example =
        with(call(), "reportedAt", "2013-10-04T17:42:00+01:00");

    Api.Response created = api.post("police", "/api/calls", example);

    assertThat(created.code()).isEqualTo(201);
    String caseRef = created.body().path("caseRef").asText();
    assertThat(caseRef).matches("EAR-\\d{4}-\\d{6}");
    assertThat(created.headers().getLocation()).hasToString("/api/cases/" + caseRef);
    assertThat(created.body().path("incidentRef").asText()).isEqualTo(example.get("incidentRef"));
    assertThat(created.body().path("route").asText()).isEqualTo("JOINT_VISIT");
    // grade 2: within one hour of when the police logged it
    assertThat(OffsetDateTime.parse(created.body().path("responseDueAt").asText()))
        .isEqualTo(OffsetDateTime.parse("2013-10-04T18:42:00+01:00"));
    String processInstanceId = created.body().path("processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey())
        .isEqualTo(caseRef);

    JsonNode view = api.get("police", "/api/cases/" + caseRef).body();
    assertThat(view.path("caseRef").asText()).isEqualTo(caseRef);
    assertThat(view.path("incidentRefs")).extracting(JsonNode::asText).containsExactly((String) example.get("incidentRef"));
    assertThat(view.path("stage").asText()).isEqualTo("AWAITING_VISIT");
    assertThat(view.path("team").asText()).isEqualTo("PRESTON");
    assertThat(view.path("grade").asInt()).isEqualTo(2);
    assertThat(view.path("category").asText()).isEqualTo("MISSING_PERSON");
    assertThat(view.path("district").asText()).isEqualTo("PRESTON");
    assertThat(OffsetDateTime.parse(view.path("reportedAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2013-10-04T17:42:00+01:00").toInstant());
    assertThat(view.path("visitedAt").isNull()).isTrue();
    assertThat(view.path("respondedInTime").isNull()).isTrue();
    assertThat(view.path("closedAt").isNull()).isTrue();
    assertThat(view.has("openedAt")).isTrue();
  }

  @Test
  void aRetryGetsTheSameAnswerAndConflictingContentIsRefused() {
    Map<String, Object> first = call();
    Api.Response created = api.post("police", "/api/calls", first);
    assertThat(created.code()).isEqualTo(201);

    Api.Response retried = api.post("police", "/api/calls", first);
    assertThat(retried.code()).isEqualTo(200);
    assertThat(retried.body()).isEqualTo(created.body());

    // the same instant written with another offset is the same call
    OffsetDateTime reported = OffsetDateTime.parse((String) first.get("reportedAt"));
    Api.Response sameInUtc =
        api.post("police", "/api/calls", with(first, "reportedAt", reported.withOffsetSameInstant(java.time.ZoneOffset.UTC).toString()));
    assertThat(sameInUtc.code()).isEqualTo(200);

    Api.Response conflicting = api.post("police", "/api/calls", with(first, "grade", 3));
    assertThat(conflicting.code()).isEqualTo(409);
    assertThat(conflicting.headers().getContentType()).hasToString("application/problem+json");
    assertThat(cases.findByCaseRef(created.body().path("caseRef").asText()).orElseThrow().getGrade()).isEqualTo(2);
  }

  @Test
  void twentyConcurrentPostsOfOneIncidentMakeOneCase() throws Exception {
    Map<String, Object> call = call();
    long casesBefore = cases.count();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Api.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Callable<Api.Response> post =
            () -> {
              start.await();
              return api.post("police", "/api/calls", call);
            };
        answers.add(pool.submit(post));
      }
      start.countDown();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> answer : answers) {
        responses.add(answer.get());
      }
      assertThat(responses).extracting(Api.Response::code).containsOnly(200, 201);
      assertThat(responses).filteredOn(r -> r.code() == 201).hasSize(1);
      assertThat(responses).extracting(r -> r.body().path("caseRef").asText()).containsOnly(responses.get(0).body().path("caseRef").asText());
    } finally {
      pool.shutdownNow();
    }
    assertThat(cases.count()).isEqualTo(casesBefore + 1);
    String caseRef = incidents.findByIncidentRef((String) call.get("incidentRef")).orElseThrow().getCaseRecord().getCaseRef();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count()).isEqualTo(1);
  }

  static Stream<Arguments> badCalls() {
    Map<String, Object> ok = call();
    // arguments are made before @BeforeEach sets the clock: count from the test morning
    String future = nextWorkingMorning().atZone(LONDON).toOffsetDateTime().plusMinutes(10).toString();
    String tomorrow = LocalDate.now(LONDON).plusDays(1).toString();
    return Stream.of(
        Arguments.of("missing incidentRef", with(ok, "incidentRef", null), "incidentRef"),
        Arguments.of("incidentRef with a space", with(ok, "incidentRef", "LC 1"), "incidentRef"),
        Arguments.of("incidentRef of 41 characters", with(ok, "incidentRef", "A".repeat(41)), "incidentRef"),
        Arguments.of("empty incidentRef", with(ok, "incidentRef", ""), "incidentRef"),
        Arguments.of("missing reportedAt", with(ok, "reportedAt", null), "reportedAt"),
        Arguments.of("reportedAt without offset", with(ok, "reportedAt", "2013-10-04T17:42:00"), "reportedAt"),
        Arguments.of("reportedAt 10 minutes ahead", with(ok, "reportedAt", future), "reportedAt"),
        Arguments.of("grade 0", with(ok, "grade", 0), "grade"),
        Arguments.of("grade 5", with(ok, "grade", 5), "grade"),
        Arguments.of("grade 2.5", with(ok, "grade", 2.5), "grade"),
        Arguments.of("grade as words", with(ok, "grade", "two"), "grade"),
        Arguments.of("missing grade", with(ok, "grade", null), "grade"),
        Arguments.of("unknown category", with(ok, "category", "BURGLARY"), "category"),
        Arguments.of("missing category", with(ok, "category", null), "category"),
        Arguments.of("unknown district", with(ok, "district", "MANCHESTER"), "district"),
        Arguments.of("missing location", with(ok, "location", null), "location"),
        Arguments.of("location of 501 characters", with(ok, "location", "x".repeat(501)), "location"),
        Arguments.of("missing summary", with(ok, "summary", null), "summary"),
        Arguments.of("summary of 4001 characters", with(ok, "summary", "x".repeat(4001)), "summary"),
        Arguments.of("no subjects", with(ok, "subjects", List.of()), "subjects"),
        Arguments.of("21 subjects", with(ok, "subjects", IntStream.range(0, 21).mapToObj(i -> person()).toList()), "subjects"),
        Arguments.of("subject without name", with(ok, "subjects", List.of(person("", "2009-05-17", "CHILD"))), "subjects[0].name"),
        Arguments.of("subject name of 201", with(ok, "subjects", List.of(person("n".repeat(201), null, "CHILD"))), "subjects[0].name"),
        Arguments.of("born tomorrow", with(ok, "subjects", List.of(person("Jo Bloggs", tomorrow, "CHILD"))), "subjects[0].dateOfBirth"),
        Arguments.of("date of birth not a date", with(ok, "subjects", List.of(person("Jo Bloggs", "17/05/2009", "CHILD"))), "subjects[0].dateOfBirth"),
        Arguments.of("unknown role", with(ok, "subjects", List.of(person("Jo Bloggs", null, "NEIGHBOUR"))), "subjects[0].role"),
        Arguments.of("collar number of 21", with(ok, "officer", Map.of("collarNumber", "P".repeat(21))), "officer.collarNumber"),
        Arguments.of("officer name of 201", with(ok, "officer", Map.of("name", "P".repeat(201))), "officer.name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badInputIsRefusedNamingTheFieldAndNothingIsStored(String why, Map<String, Object> call, String field) {
    long casesBefore = cases.count();
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();

    Api.Response refused = api.post("police", "/api/calls", call);

    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void malformedJsonIsA400ProblemToo() {
    Api.Response refused = api.post("police", "/api/calls", "{\"incidentRef\": \"LC-1\", ");
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.body().path("errors").isArray()).isTrue();
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Api.Response refused =
        api.post("police", "/api/calls", Map.of("incidentRef", "bad ref", "grade", 9, "subjects", List.of()));
    assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText())
        .contains("incidentRef", "grade", "subjects", "reportedAt", "category", "district", "location", "summary");
  }

  @Test
  void aFailedProcessStartLeavesNoCaseBehind() {
    Map<String, Object> call = call();
    doThrow(new IllegalStateException("engine down")).when(caseProcess).start(any(), any());
    long casesBefore = cases.count();

    Api.Response failed = api.post("police", "/api/calls", call);

    assertThat(failed.code()).isEqualTo(500);
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(incidents.findByIncidentRef((String) call.get("incidentRef"))).isEmpty();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void logsCarryTheCaseRefButNoPersonalData(CapturedOutput output) {
    Map<String, Object> person = person("Zebedee Unlikelyname", "2008-08-08", "CHILD");
    Api.Response created = api.post("police", "/api/calls", with(call(), "subjects", List.of(person)));

    assertThat(output.getAll()).contains(created.body().path("caseRef").asText());
    assertThat(output.getAll()).doesNotContain("Zebedee", "Unlikelyname", "2008-08-08", "Example Street");
  }

  // --- routes

  @Test
  void aDistrictWithoutAnEarTeamIsReferredOut() {
    Api.Response created = api.post("police", "/api/calls", call(uniqueRef(), 2, "CHORLEY", OffsetDateTime.now(ENGINE)));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().path("route").asText()).isEqualTo("REFERRED_OUT");
    JsonNode view = api.get("police", "/api/cases/" + created.body().path("caseRef").asText()).body();
    assertThat(view.path("stage").asText()).isEqualTo("REFERRED_OUT");
    assertThat(view.path("closedAt").isNull()).isFalse();
    // the police learn the case reference of their call; its stage says it was referred out
    Map<String, JsonNode> told = policeUpdates(created);
    assertThat(told).containsOnlyKeys("ATTACHED");
    completeAsWorkers(told.get("ATTACHED"));
    assertThat(history.createHistoricProcessInstanceQuery()
            .processInstanceId(created.body().path("processInstanceId").asText()).finished().count())
        .isEqualTo(1);
  }

  @Test
  void gradeFourIsDeskScreenedByCloseOfBusinessNextWorkingDay() {
    // Friday 20 November 2026, evening: screened by 17:00 on Monday 23 November
    OffsetDateTime friday = OffsetDateTime.parse("2026-11-20T21:00:00Z");
    Api.Response created = api.post("police", "/api/calls", call(uniqueRef(), 4, "PRESTON", friday));
    assertThat(created.body().path("route").asText()).isEqualTo("DESK_SCREENING");
    assertThat(OffsetDateTime.parse(created.body().path("responseDueAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T17:00:00Z").toInstant());
    assertThat(tasksOf("sw.preston1", created)).extracting(t -> t.path("name").asText()).containsExactly("Screen call at desk");
  }

  @Test
  void gradeThreeInBurnleyIsDueWithinFortyEightHoursForTheBurnleyTeam() {
    OffsetDateTime reported = OffsetDateTime.now(ENGINE).minusHours(1).withNano(0);
    Api.Response created = api.post("police", "/api/calls", call(uniqueRef(), 3, "BURNLEY", reported));
    assertThat(OffsetDateTime.parse(created.body().path("responseDueAt").asText()).toInstant())
        .isEqualTo(reported.plusHours(48).toInstant());
    assertThat(tasksOf("sw.burnley1", created)).hasSize(1);
    assertThat(tasksOf("sw.preston1", created)).isEmpty();
  }

  // --- who may see what

  @Test
  void everyApiNeedsCredentials() {
    assertThat(api.post(null, "/api/calls", call()).code()).isEqualTo(401);
    assertThat(api.get(null, "/api/cases/EAR-2026-000001").code()).isEqualTo(401);
    assertThat(api.get(null, "/engine-rest/task").code()).isEqualTo(401);
    assertThat(api.get(null, "/engine-rest/process-instance").code()).isEqualTo(401);
    assertThat(api.get(null, "/v3/api-docs").code()).isEqualTo(401);
    // a wrong password is as good as none (sw.burnley2 is used by no other test: Camunda delays
    // a user's next login after a failed one)
    assertThat(api.get("sw.burnley2:wrong", "/engine-rest/task").code()).isEqualTo(401);
    // a worker may not pretend to be the police
    assertThat(api.post("sw.preston1", "/api/calls", call()).code()).isEqualTo(403);
    // probes get the status, nothing more
    Api.Response health = api.get(null, "/actuator/health");
    assertThat(health.code()).isEqualTo(200);
    assertThat(health.body().path("status").asText()).isEqualTo("UP");
    assertThat(health.body().has("components")).isFalse();
  }

  @Test
  void theOpenApiDescriptionCoversTheCallsApi() {
    Api.Response docs = api.get("police", "/v3/api-docs");
    assertThat(docs.code()).isEqualTo(200);
    assertThat(docs.body().path("paths").has("/api/calls")).isTrue();
    assertThat(docs.body().path("paths").has("/api/cases/{caseRef}")).isTrue();
  }

  @Test
  void teamsSeeOnlyTheirOwnCasesAndTasks() {
    Api.Response created = api.post("police", "/api/calls", call());
    String path = "/api/cases/" + created.body().path("caseRef").asText();
    String instance = created.body().path("processInstanceId").asText();

    assertThat(api.get("sw.preston1", path).code()).isEqualTo(200);
    assertThat(api.get("mgr.preston", path).code()).isEqualTo(200);
    // in office hours EDT has no task on the case, so it does not see it
    assertThat(api.get("edt.duty", path).code()).isEqualTo(404);
    assertThat(api.get("admin", path).code()).isEqualTo(200);
    assertThat(api.get("sw.burnley1", path).code()).isEqualTo(404);
    assertThat(api.get("mgr.burnley", path).code()).isEqualTo(404);
    assertThat(api.get("police", "/api/cases/EAR-1999-999999").code()).isEqualTo(404);

    assertThat(tasksOf("sw.preston1", created)).hasSize(1);
    assertThat(tasksOf("sw.burnley1", created)).isEmpty();
    assertThat(tasksOf("mgr.burnley", created)).isEmpty();
    assertThat(api.get("mgr.preston", "/engine-rest/process-instance/" + instance).code()).isEqualTo(200);
    assertThat(api.get("mgr.burnley", "/engine-rest/process-instance/" + instance).code()).isIn(403, 404);
    assertThat(api.get("sw.burnley1", "/engine-rest/process-instance?businessKey=" + created.body().path("caseRef").asText()).body()).isEmpty();

    String taskId = tasksOf("sw.preston1", created).get(0).path("id").asText();
    Api.Response stolen = api.post("sw.burnley1", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "sw.burnley1"));
    assertThat(stolen.code()).isEqualTo(403);
  }

  @Test
  void theHandoverPackCarriesPeopleAndNotesOnlyForThoseWhoWorkTheCase() {
    Map<String, Object> jamie = person("Jamie Pack " + uniqueRef(), "2011-01-02", "CHILD");
    Api.Response created = api.post("police", "/api/calls", with(call(), "subjects", List.of(jamie)));
    String path = "/api/cases/" + created.body().path("caseRef").asText() + "/handover-pack";
    JsonNode visit = tasksOf("sw.preston1", created).get(0);
    JsonNode form = api.get("sw.preston1", "/engine-rest/task/" + visit.path("id").asText() + "/deployed-form").body();
    submit("sw.preston1", visit.path("id").asText(), form, Map.of("visitNotes", "Seen with grandmother."));

    Api.Response pack = api.get("sw.preston1", path);
    assertThat(pack.code()).isEqualTo(200);
    assertThat(pack.body().path("subjects").get(0).path("name").asText()).isEqualTo(jamie.get("name"));
    assertThat(pack.body().path("entries")).extracting(e -> e.path("kind").asText()).contains("JOINT_VISIT");
    assertThat(pack.body().path("entries").get(0).path("details").asText()).contains("Seen with grandmother.");

    // the police see their case's summary, not its record (a path refused to them: 403); other
    // teams see nothing; the workers only while they hold one of the case's tasks
    assertThat(api.get("police", path).code()).isEqualTo(403);
    assertThat(api.get("sw.burnley1", path).code()).isEqualTo(404);
    assertThat(api.get("workers", path).code()).isEqualTo(404);
    assertThat(api.get("workers", "/api/cases/" + created.body().path("caseRef").asText()).code()).isEqualTo(404);
  }

  // --- the slice, as a worker and a manager do it

  @Test
  void aWorkerTakesAGradeTwoCaseFromCallToClosureThroughTheTaskForms() {
    Api.Response created = api.post("police", "/api/calls", call());
    String caseRef = created.body().path("caseRef").asText();

    JsonNode visit = tasksOf("sw.preston1", created).get(0);
    assertThat(visit.path("name").asText()).isEqualTo("Record joint visit");
    assertThat(OffsetDateTime.parse(visit.path("due").asText().replace("+0000", "Z")).toInstant())
        .isEqualTo(OffsetDateTime.parse(created.body().path("responseDueAt").asText()).toInstant());
    String visitId = visit.path("id").asText();
    assertThat(api.post("sw.preston1", "/engine-rest/task/" + visitId + "/claim", Map.of("userId", "sw.preston1")).code()).isEqualTo(204);

    JsonNode form = api.get("sw.preston1", "/engine-rest/task/" + visitId + "/deployed-form").body();
    assertThat(form.path("id").asText()).isEqualTo("Form_RecordJointVisit");

    // the server checks what the browser would: a visit in the future is refused, task stays
    Api.Response refused =
        submit("sw.preston1", visitId, form, Map.of("visitedAt", OffsetDateTime.now(ENGINE).plusHours(2).toLocalDateTime().withNano(0).toString(), "riskLevel", "EXTREME"));
    // a 400 in the worker's words, which Tasklist shows as it is
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.body().path("type").asText()).isEqualTo("FormRejectedException");
    assertThat(refused.body().path("message").asText())
        .startsWith("Record joint visit: please correct the form. ")
        .contains("'When did you arrive?' cannot be in the future")
        .contains("'Immediate risk after the visit' must be one of");
    assertThat(api.get("sw.preston1", "/engine-rest/task/" + visitId).code()).isEqualTo(200);
    assertThat(caseView(caseRef).path("visitedAt").isNull()).isTrue();

    assertThat(submit("sw.preston1", visitId, form, Map.of("riskLevel", "HIGH")).code()).isEqualTo(204);
    JsonNode visited = caseView(caseRef);
    assertThat(visited.path("stage").asText()).isEqualTo("ASSESSMENT");
    assertThat(visited.path("respondedInTime").asBoolean()).isTrue();
    assertThat(visited.path("visitedAt").isNull()).isFalse();
    assertThat(visited.path("allocatedWorker").asText()).isEqualTo("sw.preston1");
    // the visit notes live in the case record, not in the process
    assertThat(runtime.getVariables(created.body().path("processInstanceId").asText()))
        .doesNotContainKeys("visitNotes", "visitedAt", "visitAttendees")
        .containsEntry("riskLevel", "HIGH");

    JsonNode assess = tasksOf("sw.preston1", created).get(0);
    assertThat(assess.path("name").asText()).isEqualTo("Assess needs");
    JsonNode assessForm = api.get("sw.preston1", "/engine-rest/task/" + assess.path("id").asText() + "/deployed-form").body();
    assertThat(submit("sw.preston1", assess.path("id").asText(), assessForm,
        Map.of("assessmentOutcome", "NO_FURTHER_ACTION")).code()).isEqualTo(204);

    // no further action on a child's case: the Preston manager approves closing it, no one else can
    JsonNode approval = taskNamed("mgr.preston", created, "Approve closing case");
    assertThat(tasksOf("sw.preston1", created)).isEmpty();
    assertThat(tasksOf("mgr.burnley", created)).isEmpty();
    JsonNode approvalForm = api.get("mgr.preston", "/engine-rest/task/" + approval.path("id").asText() + "/deployed-form").body();
    assertThat(submit("mgr.preston", approval.path("id").asText(), approvalForm,
        Map.of("closureDecision", "APPROVE")).code()).isEqualTo(204);

    // closing is a save point (asynchronous): run its job as the job executor would
    executeJobsOf(created);
    JsonNode closed = caseView(caseRef);
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closedAt").isNull()).isFalse();

    // the police are told of the new case, the visit and the closure, by the workers app: it may
    // read the case only while it holds one of the case's tasks
    String asWorker = "/api/cases/" + caseRef + "?workerId=" + WORKER_ID;
    assertThat(api.get("workers", asWorker).code()).isEqualTo(404);
    Map<String, JsonNode> told = policeUpdates(created);
    assertThat(told).containsOnlyKeys("ATTACHED", "VISITED", "CLOSED");
    assertThat(api.get("workers", asWorker).code()).isEqualTo(200);
    // only under the worker id that holds the lock
    assertThat(api.get("workers", "/api/cases/" + caseRef).code()).isEqualTo(404);
    assertThat(api.get("workers", "/api/cases/" + caseRef + "?workerId=another-worker").code()).isEqualTo(404);
    // a police update is not a handover: no pack
    assertThat(api.get("workers", "/api/cases/" + caseRef + "/handover-pack?workerId=" + WORKER_ID).code()).isEqualTo(404);
    told.values().forEach(this::completeAsWorkers);
    assertThat(api.get("workers", asWorker).code()).isEqualTo(404);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("EarlyActionCase").processInstanceBusinessKey(caseRef).finished().count()).isEqualTo(1);
  }

  @Test
  void aGradeThreeCaseIsReferredOnAndHandedOverToTwoServices() {
    OffsetDateTime reported = OffsetDateTime.now(ENGINE).minusHours(20).withNano(0);
    Api.Response created = api.post("police", "/api/calls", call(uniqueRef(), 3, "PRESTON", reported));
    String caseRef = created.body().path("caseRef").asText();
    complete("sw.preston1", created, "Record joint visit", Map.of());
    complete("sw.preston1", created, "Assess needs", Map.of("assessmentOutcome", "REFER_ON"));
    assertThat(caseView(caseRef).path("stage").asText()).isEqualTo("HANDOVER");

    complete("sw.preston1", created, "Choose receiving services",
        Map.of("receivingServices", Map.of("value", "[\"EARLY_HELP\",\"MENTAL_HEALTH_SERVICES\"]", "type", "Json")));
    complete("sw.preston1", created, "Record consent to share", Map.of("consentToShare", "GIVEN"));
    executeJobsOf(created);

    // one pack per service, sent by the workers app, which may read the pack while it holds the task
    JsonNode packs = fetchAndLock("ear-handover-pack", created, 2);
    assertThat(packs).extracting(p -> p.path("variables").path("receivingService").path("value").asText())
        .containsExactlyInAnyOrder("EARLY_HELP", "MENTAL_HEALTH_SERVICES");
    assertThat(api.get("workers", "/api/cases/" + caseRef + "/handover-pack?workerId=" + WORKER_ID).code()).isEqualTo(200);
    packs.forEach(this::completeAsWorkers);
    assertThat(tasksOf("sw.preston1", created)).extracting(t -> t.path("name").asText())
        .containsExactly("Record handover response", "Record handover response");
    complete("sw.preston1", created, "Record handover response", Map.of("handoverResponse", "ACCEPTED"));
    assertThat(caseView(caseRef).path("stage").asText()).isEqualTo("HANDOVER");
    complete("sw.preston1", created, "Record handover response", Map.of("handoverResponse", "ACCEPTED"));

    executeJobsOf(created);
    JsonNode closed = caseView(caseRef);
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closureReason").asText()).isEqualTo("HANDED_OVER");
    Map<String, JsonNode> told = policeUpdates(created);
    assertThat(told).containsOnlyKeys("ATTACHED", "VISITED", "CLOSED");
    told.values().forEach(this::completeAsWorkers);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("EarlyActionCase").processInstanceBusinessKey(caseRef).finished().count()).isEqualTo(1);
  }

  @Test
  void intensiveSupportRunsAsItsOwnProcessThatOnlyTheTeamSeesAndThenTheCaseCloses() {
    Api.Response created = api.post("police", "/api/calls", call());
    String caseRef = created.body().path("caseRef").asText();
    String caseInstance = created.body().path("processInstanceId").asText();
    complete("sw.preston1", created, "Record joint visit", Map.of());
    complete("sw.preston1", created, "Assess needs", Map.of("assessmentOutcome", "INTENSIVE_SUPPORT"));
    assertThat(caseView(caseRef).path("stage").asText()).isEqualTo("INTENSIVE_SUPPORT");

    // Cockpit's drill-down from "Provide intensive support": the team's manager sees the called
    // instance under the case's reference, another team's manager does not
    String calledBy = "/engine-rest/process-instance?superProcessInstance=" + caseInstance;
    JsonNode support = api.get("mgr.preston", calledBy).body();
    assertThat(support).hasSize(1);
    assertThat(support.get(0).path("businessKey").asText()).isEqualTo(caseRef);
    assertThat(api.get("mgr.burnley", calledBy).body()).isEmpty();
    assertThat(api.get("mgr.burnley", "/engine-rest/process-instance/" + support.get(0).path("id").asText()).code())
        .isIn(403, 404);

    // the allocated worker has the support's tasks, found under the case's reference
    JsonNode plan = taskNamed("sw.preston1", created, "Write support plan");
    assertThat(plan.path("assignee").asText()).isEqualTo("sw.preston1");
    complete("sw.preston1", created, "Write support plan",
        Map.of("supportGoals", "Safe at home.", "supportPlanNotes", "Two visits a week."));
    assertThat(tasksOf("mgr.burnley", created)).isEmpty();

    // the review before the end proposes closure; the manager approves; the case closes
    String supportInstance = support.get(0).path("id").asText();
    String reviewTimer = management.createJobQuery().processInstanceId(supportInstance).timers()
        .activityId("Event_SupportReviewDue").singleResult().getId();
    management.executeJob(reviewTimer);
    complete("sw.preston1", created, "Review case before support ends",
        Map.of("supportReviewOutcome", "CLOSE"));
    complete("mgr.preston", created, "Approve closing case", Map.of("closureDecision", "APPROVE"));
    executeJobsOf(created);
    JsonNode closed = caseView(caseRef);
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closureReason").asText()).isEqualTo("SUPPORT_COMPLETED");
  }

  @Test
  void theTeamManagerAllocatesATeamTaskToANamedWorker() {
    Api.Response created = api.post("police", "/api/calls", call());
    String taskId = tasksOf("sw.preston1", created).get(0).path("id").asText();
    String assign = "/engine-rest/task/" + taskId + "/assignee";

    // workers claim for themselves; only the team's manager gives work to someone else
    assertThat(api.post("sw.preston1", assign, Map.of("userId", "sw.preston2")).code()).isEqualTo(403);
    assertThat(api.post("mgr.burnley", assign, Map.of("userId", "sw.burnley1")).code()).isEqualTo(403);
    assertThat(api.post("mgr.preston", assign, Map.of("userId", "sw.preston2")).code()).isEqualTo(204);
    assertThat(tasksOf("sw.preston2", created).get(0).path("assignee").asText()).isEqualTo("sw.preston2");
  }

  @Test
  void aWorkerAsksToCloseACaseEarlyAndTheManagerApproves() {
    Api.Response created = api.post("police", "/api/calls", call());
    String caseRef = created.body().path("caseRef").asText();
    String path = "/api/cases/" + caseRef + "/closure-requests";
    complete("sw.preston1", created, "Record joint visit", Map.of());

    assertThat(api.post("sw.preston1", path, Map.of("reason", "EMIGRATED")).code()).isEqualTo(400);
    assertThat(api.post("sw.burnley1", path, Map.of("reason", "MOVED_AWAY")).code()).isEqualTo(404);
    assertThat(api.post("police", path, Map.of("reason", "MOVED_AWAY")).code()).isIn(403, 404);
    Api.Response asked = api.post("sw.preston1", path, Map.of("reason", "MOVED_AWAY", "note", "Family moved to Leeds."));
    assertThat(asked.code()).isEqualTo(202);
    // nothing stops until the manager approves
    assertThat(tasksOf("sw.preston1", created)).extracting(t -> t.path("name").asText()).containsExactly("Assess needs");

    complete("mgr.preston", created, "Approve early closure", Map.of("earlyClosureDecision", "APPROVE"));
    executeJobsOf(created);
    JsonNode closed = caseView(caseRef);
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closureReason").asText()).isEqualTo("MOVED_AWAY");
    assertThat(tasksOf("sw.preston1", created)).isEmpty();
    assertThat(api.post("sw.preston1", path, Map.of("reason", "MOVED_AWAY")).code()).isEqualTo(409);
  }

  @Test
  void aWorkerAsksInTasklistToCloseACaseEarly() {
    Api.Response created = api.post("police", "/api/calls", call());
    String caseRef = created.body().path("caseRef").asText();
    // Tasklist's Start process offers the request; cases themselves start only from police calls
    JsonNode startable =
        api.get(
                "sw.preston1",
                "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
                    + "&startablePermissionCheck=true&active=true")
            .body();
    assertThat(startable.findValuesAsText("key")).containsExactly("RequestCaseClosure");
    String start = "/engine-rest/process-definition/key/RequestCaseClosure";
    JsonNode form = api.get("sw.preston1", start + "/deployed-start-form").body();
    assertThat(form.path("id").asText()).isEqualTo("Form_RequestCaseClosure");

    // another team's worker cannot close it, and is told so; nothing starts
    Api.Response other =
        api.post(
            "sw.burnley1",
            start + "/submit-form",
            FormFiller.submission(form, Map.of("caseRef", caseRef, "requestedClosureReason", "MOVED_AWAY")));
    assertThat(other.code()).isEqualTo(400);
    assertThat(other.body().path("message").asText())
        .isEqualTo("Request early closure: please correct the form. Your team has no case " + caseRef + ".");
    assertThat(tasksOf("mgr.preston", created)).extracting(t -> t.path("name").asText()).doesNotContain("Approve early closure");

    Api.Response asked =
        api.post(
            "sw.preston1",
            start + "/submit-form",
            FormFiller.submission(
                form,
                Map.of("caseRef", caseRef.toLowerCase(), "requestedClosureReason", "DECLINED_SUPPORT")));
    assertThat(asked.code()).as("%s", asked.body()).isEqualTo(200);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("RequestCaseClosure").processInstanceBusinessKey(caseRef).count()).isOne();

    complete("mgr.preston", created, "Approve early closure", Map.of("earlyClosureDecision", "APPROVE"));
    executeJobsOf(created);
    JsonNode closed = caseView(caseRef);
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closureReason").asText()).isEqualTo("DECLINED_SUPPORT");
  }

  /** Completes the user's first task of that name from its deployed form, as Tasklist would. */
  private void complete(String user, Api.Response created, String taskName, Map<String, Object> values) {
    work.complete(user, created.body().path("caseRef").asText(), taskName, values);
  }

  @Test
  void inOfficeHoursTheEmergencyDutyTeamDoesNotSeeTeamWork() {
    Api.Response created = api.post("police", "/api/calls", call());
    taskNamed("sw.preston1", created, "Record joint visit");
    assertThat(tasksOf("edt.duty", created)).isEmpty();
  }

  @Test
  void outOfHoursTheEmergencyDutyTeamVisitsAndTheMorningTeamTakesTheCaseOn() {
    // Friday 22:00 after the test morning: the Emergency Duty Team's hours
    java.time.ZonedDateTime friday = nextWorkingMorning().atZone(LONDON);
    while (friday.getDayOfWeek() != java.time.DayOfWeek.FRIDAY) {
      friday = friday.plusDays(1);
    }
    clockAt(friday.withHour(22).toInstant());
    Api.Response created = api.post("police", "/api/calls", call(uniqueRef(), 2, "PRESTON", OffsetDateTime.now(ENGINE).minusMinutes(5)));

    // EDT sees the visit; the team, often still working the evening peak, keeps sight of it
    taskNamed("sw.preston1", created, "Record joint visit");
    assertThat(tasksOf("sw.burnley1", created)).isEmpty();
    JsonNode visit = taskNamed("edt.duty", created, "Record joint visit");
    JsonNode form = api.get("edt.duty", "/engine-rest/task/" + visit.path("id").asText() + "/deployed-form").body();
    assertThat(submit("edt.duty", visit.path("id").asText(), form, Map.of()).code()).isEqualTo(204);
    // EDT does not keep the case: the team reviews what EDT did when it is back on duty
    assertThat(caseView(created.body().path("caseRef").asText()).path("allocatedWorker").isNull()).isTrue();
    JsonNode review = taskNamed("sw.preston1", created, "Review out-of-hours visit");
    assertThat(OffsetDateTime.parse(review.path("due").asText().replace("+0000", "Z")).toInstant())
        .isEqualTo(friday.plusDays(3).withHour(10).withMinute(45).toInstant());
    assertThat(tasksOf("edt.duty", created)).isEmpty();
  }

  @Test
  void aMissedResponseWindowReachesThePrestonManagerAndNoOneElse() {
    OffsetDateTime twoHoursAgo = OffsetDateTime.now(ENGINE).minusHours(2).withNano(0);
    Api.Response created = api.post("police", "/api/calls", call(uniqueRef(), 2, "PRESTON", twoHoursAgo));
    String caseRef = created.body().path("caseRef").asText();

    // the timer is an ordinary job: executing it is the same as waiting for it
    JsonNode timer = api.get("admin", "/engine-rest/job?timers=true&activityId=BoundaryEvent_ResponseWindowMissed&processInstanceId="
        + created.body().path("processInstanceId").asText()).body().get(0);
    assertThat(api.post("admin", "/engine-rest/job/" + timer.path("id").asText() + "/execute", null).code()).isEqualTo(204);

    assertThat(tasksOf("mgr.preston", created)).extracting(t -> t.path("name").asText())
        .containsExactlyInAnyOrder("Record joint visit", "Review missed response");
    assertThat(tasksOf("sw.preston1", created)).extracting(t -> t.path("name").asText()).containsExactly("Record joint visit");
    assertThat(tasksOf("mgr.burnley", created)).isEmpty();
    JsonNode view = caseView(caseRef);
    assertThat(view.path("respondedInTime").asBoolean(true)).isFalse();
    assertThat(view.path("responseMissedAt").isNull()).isFalse();
    // and the workers app mails the duty manager (the timers still waiting stay so)
    executeJobsOf(created, "&messages=true");
    JsonNode alert = fetchAndLock("ear-manager-alert", created);
    assertThat(alert.path("variables").path("alertKind").path("value").asText()).isEqualTo("RESPONSE_WINDOW_MISSED");
    completeAsWorkers(alert);

    JsonNode review = taskNamed("mgr.preston", created, "Review missed response");
    JsonNode form = api.get("mgr.preston", "/engine-rest/task/" + review.path("id").asText() + "/deployed-form").body();
    assertThat(submit("mgr.preston", review.path("id").asText(), form, Map.of()).code()).isEqualTo(204);
    assertThat(tasksOf("mgr.preston", created)).extracting(t -> t.path("name").asText()).containsExactly("Record joint visit");
  }

  @Test
  void aNewCallAboutSomeoneWithAnOpenCaseJoinsThatCase() {
    Map<String, Object> jamie = person("Jamie Repeat " + uniqueRef(), "2010-02-03", "CHILD");
    Map<String, Object> first = with(call(), "subjects", List.of(jamie));
    Api.Response created = api.post("police", "/api/calls", first);
    String caseRef = created.body().path("caseRef").asText();
    JsonNode visit = tasksOf("sw.preston1", created).get(0);
    JsonNode form = api.get("sw.preston1", "/engine-rest/task/" + visit.path("id").asText() + "/deployed-form").body();
    assertThat(submit("sw.preston1", visit.path("id").asText(), form, Map.of()).code()).isEqualTo(204);

    // same person, written differently, in another district
    Map<String, Object> again = person("  " + ((String) jamie.get("name")).toUpperCase() + " ", "2010-02-03", "CHILD");
    Map<String, Object> second = with(with(call(), "subjects", List.of(again)), "district", "CHORLEY");
    Api.Response linked = api.post("police", "/api/calls", second);

    assertThat(linked.code()).isEqualTo(201);
    assertThat(linked.body().path("route").asText()).isEqualTo("LINKED_TO_OPEN_CASE");
    assertThat(linked.body().path("caseRef").asText()).isEqualTo(caseRef);
    assertThat(linked.body().path("processInstanceId").asText()).isEqualTo(created.body().path("processInstanceId").asText());
    assertThat(caseView(caseRef).path("incidentRefs")).extracting(JsonNode::asText)
        .containsExactly((String) first.get("incidentRef"), (String) second.get("incidentRef"));
    JsonNode review = taskNamed("sw.preston1", created, "Review repeat incident");
    assertThat(review.path("assignee").asText()).isEqualTo("sw.preston1");
    // and the retry of the linked call answers the same
    assertThat(api.post("police", "/api/calls", second).body()).isEqualTo(linked.body());
  }

  // --- helpers

  private JsonNode caseView(String caseRef) {
    return work.caseView(caseRef);
  }

  private List<JsonNode> tasksOf(String user, Api.Response created) {
    return work.tasks(user, created.body().path("caseRef").asText());
  }

  private Api.Response submit(String user, String taskId, JsonNode form, Map<String, Object> overrides) {
    return api.post(user, "/engine-rest/task/" + taskId + "/submit-form", FormFiller.submission(form, overrides));
  }

  /**
   * As the workers app does, once the save points have run: locks every police update of the case
   * that is due, by event (each at most once).
   */
  private Map<String, JsonNode> policeUpdates(Api.Response created) {
    executeJobsOf(created);
    JsonNode locked = lockAll("ear-police-update", created);
    Map<String, JsonNode> byEvent = new java.util.TreeMap<>();
    for (JsonNode task : locked) {
      JsonNode before = byEvent.put(task.path("variables").path("policeEvent").path("value").asText(), task);
      assertThat(before).as("one police update per event").isNull();
    }
    return byEvent;
  }

  private void completeAsWorkers(JsonNode externalTask) {
    assertThat(api.post("workers", "/engine-rest/external-task/" + externalTask.path("id").asText() + "/complete",
        Map.of("workerId", WORKER_ID)).code()).isEqualTo(204);
  }

  /** As the workers app does: fetch and lock the case's one task of {@code topic}. */
  private JsonNode fetchAndLock(String topic, Api.Response created) {
    return fetchAndLock(topic, created, 1).get(0);
  }

  /** As the workers app does: fetch and lock the case's {@code expected} tasks of {@code topic}. */
  private JsonNode fetchAndLock(String topic, Api.Response created, int expected) {
    JsonNode locked = lockAll(topic, created);
    assertThat(locked).as("locked %s tasks", topic).hasSize(expected);
    return locked;
  }

  /** As the workers app does: fetch and lock every task of {@code topic} of the case (up to 10). */
  private JsonNode lockAll(String topic, Api.Response created) {
    return api.post("workers", "/engine-rest/external-task/fetchAndLock",
            Map.of("workerId", WORKER_ID, "maxTasks", 10,
                "topics", List.of(Map.of("topicName", topic, "lockDuration", 60000,
                    "businessKey", created.body().path("caseRef").asText()))))
        .body();
  }

  /** Runs the case's due jobs as the job executor would, until none is left. */
  private void executeJobsOf(Api.Response created) {
    executeJobsOf(created, "");
  }

  /** As {@link #executeJobsOf(Api.Response)}, of the jobs {@code filter} selects (e.g. save points). */
  private void executeJobsOf(Api.Response created, String filter) {
    work.runJobs(created.body().path("caseRef").asText(), filter);
  }

  private JsonNode taskNamed(String user, Api.Response created, String name) {
    return work.task(user, created.body().path("caseRef").asText(), name);
  }
}
