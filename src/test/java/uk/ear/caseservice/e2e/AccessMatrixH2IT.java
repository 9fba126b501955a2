package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.ear.caseservice.support.Calls.call;
import static uk.ear.caseservice.support.Calls.uniqueRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.FormFiller;
import uk.ear.caseservice.support.WebappSession;

/**
 * The access matrix of {@code docs/security.md}, every cell tried over HTTP: each identity against
 * each endpoint family, with the answer the document promises. The document is the source; this
 * test knows only how to make each row's request (on a Preston case, in office hours), and fails
 * when a row of the document is not one it can make, or one it can make is missing there.
 */
@OnH2
class AccessMatrixH2IT extends EndToEndTest {

  static final Path DOCUMENT = Path.of("docs/security.md");
  static final String MARK = "<!-- access-matrix -->";
  /** Identities whose column holds their answer; "anonymous" sends no credentials. */
  static final String ANONYMOUS = "anonymous";

  /** A Preston case as each row finds it: new for every cell, so no cell sees another's effects. */
  record Case(String caseRef, String instance, String visitTask, String job) {}

  /** How to make a row's request on a case, as a given identity. */
  record Request(HttpMethod method, Function<Case, String> path, java.util.function.BiFunction<Case, String, Object> body) {
    Request(HttpMethod method, Function<Case, String> path, Function<Case, Object> body) {
      this(method, path, (c, identity) -> body.apply(c));
    }
  }

  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  Api api;

  /** Every request the document's rows may name, by the text of their "request" column. */
  Map<String, Request> requests() {
    Map<String, Request> r = new LinkedHashMap<>();
    r.put("POST /api/calls", new Request(HttpMethod.POST, c -> "/api/calls", c -> call()));
    r.put("POST /api/hospital-admissions", new Request(HttpMethod.POST, c -> "/api/hospital-admissions", c -> Map.of(
        "admissionRef", "RPH-" + java.util.UUID.randomUUID().toString().substring(0, 8),
        "hospital", "Royal Preston Hospital",
        "admittedAt", java.time.OffsetDateTime.now(ENGINE).minusMinutes(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
        "reason", "SELF_HARM",
        "district", "PRESTON",
        "patient", Map.of("name", "Matrix Patient " + java.util.UUID.randomUUID().toString().substring(0, 6)),
        "summary", "Admitted after self-harm.")));
    r.put("GET /api/locations?district=PRESTON", get(c -> "/api/locations?district=PRESTON"));
    r.put("POST /api/locations", new Request(HttpMethod.POST, c -> "/api/locations", c -> Map.of(
        "name", "Matrix hostel", "kind", "HOSTEL", "district", "PRESTON",
        "address", "4 Example Road, Preston", "visitEvery", "P28D")));
    r.put("GET /api/cases", get(c -> "/api/cases"));
    r.put("GET /api/stats/response-windows", get(c -> "/api/stats/response-windows"));
    r.put("GET /api/cases/{caseRef}", get(c -> "/api/cases/" + c.caseRef()));
    r.put("GET /api/cases/{caseRef}/handover-pack", get(c -> "/api/cases/" + c.caseRef() + "/handover-pack"));
    r.put("GET /api/cases/{caseRef}/audit", get(c -> "/api/cases/" + c.caseRef() + "/audit"));
    r.put("PUT /api/cases/{caseRef}/legal-hold",
        new Request(HttpMethod.PUT, c -> "/api/cases/" + c.caseRef() + "/legal-hold",
            c -> Map.of("reason", "Proceedings")));
    r.put("POST /engine-rest/task/{id}/comment/create",
        new Request(HttpMethod.POST, c -> "/engine-rest/task/" + c.visitTask() + "/comment/create",
            c -> Map.of("message", "A note about the family")));
    r.put("GET /api/subject-access?caseRef={caseRef}", get(c -> "/api/subject-access?caseRef=" + c.caseRef()));
    r.put("POST /api/cases/{caseRef}/closure-requests",
        new Request(HttpMethod.POST, c -> "/api/cases/" + c.caseRef() + "/closure-requests",
            c -> Map.of("reason", "MOVED_AWAY", "note", "Moved to Leeds.")));
    r.put("GET /v3/api-docs", get(c -> "/v3/api-docs"));
    r.put("GET /actuator/health", get(c -> "/actuator/health"));
    r.put("GET /actuator/info", get(c -> "/actuator/info"));
    r.put("GET /actuator/prometheus", get(c -> "/actuator/prometheus"));
    r.put("GET /engine-rest/task/{id}", get(c -> "/engine-rest/task/" + c.visitTask()));
    r.put("GET /engine-rest/task/{id}/deployed-form", get(c -> "/engine-rest/task/" + c.visitTask() + "/deployed-form"));
    r.put("POST /engine-rest/task/{id}/submit-form",
        new Request(HttpMethod.POST, c -> "/engine-rest/task/" + c.visitTask() + "/submit-form",
            c -> FormFiller.submission(api.get("admin", "/engine-rest/task/" + c.visitTask() + "/deployed-form").body(), Map.of())));
    r.put("POST /engine-rest/task/{id}/submit-form + a variable not on the form",
        new Request(HttpMethod.POST, c -> "/engine-rest/task/" + c.visitTask() + "/submit-form",
            c -> FormFiller.submission(api.get("admin", "/engine-rest/task/" + c.visitTask() + "/deployed-form").body(),
                Map.of("childInvolved", false))));
    r.put("POST /engine-rest/task/{id}/claim (for oneself)",
        new Request(HttpMethod.POST, c -> "/engine-rest/task/" + c.visitTask() + "/claim",
            (c, identity) -> Map.of("userId", identity)));
    r.put("POST /engine-rest/task/{id}/assignee (sw.burnley1)",
        new Request(HttpMethod.POST, c -> "/engine-rest/task/" + c.visitTask() + "/assignee", c -> Map.of("userId", "sw.burnley1")));
    r.put("POST /engine-rest/task/{id}/identity-links (ear-burnley)",
        new Request(HttpMethod.POST, c -> "/engine-rest/task/" + c.visitTask() + "/identity-links",
            c -> Map.of("groupId", "ear-burnley", "type", "candidate")));
    r.put("GET /engine-rest/process-instance/{id}", get(c -> "/engine-rest/process-instance/" + c.instance()));
    r.put("GET /engine-rest/process-instance/{id}/variables", get(c -> "/engine-rest/process-instance/" + c.instance() + "/variables"));
    r.put("PUT /engine-rest/process-instance/{id}/variables/childInvolved",
        new Request(HttpMethod.PUT, c -> "/engine-rest/process-instance/" + c.instance() + "/variables/childInvolved",
            c -> Map.of("value", false, "type", "Boolean")));
    r.put("POST /engine-rest/message (CaseClosureRequested)",
        new Request(HttpMethod.POST, c -> "/engine-rest/message",
            c -> Map.of("messageName", "CaseClosureRequested", "businessKey", c.caseRef(),
                "processVariables", Map.of("requestedClosureReason", Map.of("value", "DIED"), "requestedBy", Map.of("value", "mgr.preston")))));
    r.put("POST /engine-rest/job/{id}/execute",
        new Request(HttpMethod.POST, c -> "/engine-rest/job/" + c.job() + "/execute", c -> null));
    r.put("GET /engine-rest/history/process-instance/{id}", get(c -> "/engine-rest/history/process-instance/" + c.instance()));
    r.put("POST /engine-rest/external-task/fetchAndLock",
        new Request(HttpMethod.POST, c -> "/engine-rest/external-task/fetchAndLock",
            c -> Map.of("workerId", "matrix", "maxTasks", 1,
                "topics", List.of(Map.of("topicName", "ear-police-update", "lockDuration", 10000, "businessKey", c.caseRef())))));
    r.put("GET /engine-rest/deployment", get(c -> "/engine-rest/deployment"));
    r.put("POST /engine-rest/user/create",
        new Request(HttpMethod.POST, c -> "/engine-rest/user/create",
            c -> Map.of("profile", Map.of("id", "m" + uniqueRef().toLowerCase().replace("-", "")),
                "credentials", Map.of("password", "Matrix-Password-2026!"))));
    r.put("POST /engine-rest/authorization/create",
        new Request(HttpMethod.POST, c -> "/engine-rest/authorization/create",
            c -> Map.of("type", 1, "permissions", List.of("READ"), "groupId", "ear-burnley",
                "resourceType", 8, "resourceId", c.instance())));
    r.put("POST /engine-rest/filter/create",
        new Request(HttpMethod.POST, c -> "/engine-rest/filter/create",
            c -> Map.of("resourceType", "Task", "name", "Every task " + uniqueRef(), "query", Map.of())));
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      r.put("log in to " + app, new Request(null, c -> app, c -> null));
    }
    return r;
  }

  /** The answer to a row's request by one identity on a new case. */
  private int answer(Request spec, String identity) {
    Case c = newCase();
    if (spec.method() == null) {
      // a webapp login with the identity's own password (the demo's), as its login page sends it
      return WebappSession.attemptLogin(port, spec.path().apply(c),
          identity.equals(ANONYMOUS) ? "" : identity, identity.equals(ANONYMOUS) ? "" : "demo").statusCode();
    }
    return api.call(spec.method(), identity.equals(ANONYMOUS) ? null : identity,
        spec.path().apply(c), spec.body().apply(c, identity)).code();
  }

  private static Request get(Function<Case, String> path) {
    return new Request(HttpMethod.GET, path, c -> null);
  }

  @TestFactory
  Stream<DynamicTest> everyCellOfTheDocumentedMatrixHoldsOverHttp() throws IOException {
    api = new Api(port);
    Map<String, Request> requests = requests();
    List<DynamicTest> cells = new ArrayList<>();
    for (Map<String, String> row : matrix()) {
      String request = row.get("request");
      Request spec = requests.get(request);
      assertThat(spec).as("docs/security.md names a request this test cannot make: %s", request).isNotNull();
      row.forEach((identity, expected) -> {
        if (identity.equals("family") || identity.equals("request")) {
          return;
        }
        cells.add(DynamicTest.dynamicTest(identity + ": " + request + " → " + expected, () -> {
          clockAt(nextWorkingMorning());
          assertThat(String.valueOf(answer(spec, identity)))
              .as("%s: %s", identity, request)
              .isEqualTo(expected.replaceAll("[^0-9]", ""));
        }));
      });
    }
    return cells.stream();
  }

  @Test
  void everyRequestThisTestCanMakeIsInTheDocument() throws IOException {
    api = new Api(port);
    assertThat(matrix().stream().map(row -> row.get("request")))
        .containsExactlyInAnyOrderElementsOf(requests().keySet());
  }

  private Case newCase() {
    Api.Response created = api.post("police", "/api/calls", call());
    assertThat(created.code()).isEqualTo(201);
    String instance = created.body().path("processInstanceId").asText();
    String visit = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_RecordJointVisit").singleResult().getId();
    String job = management.createJobQuery().processInstanceId(instance).executable().list().get(0).getId();
    return new Case(created.body().path("caseRef").asText(), instance, visit, job);
  }

  /** The rows of the table after the marker: column header → cell, with `code` marks removed. */
  static List<Map<String, String>> matrix() throws IOException {
    List<String> lines = Files.readAllLines(DOCUMENT);
    int start = lines.indexOf(MARK);
    assertThat(start).as("%s has the marker %s", DOCUMENT, MARK).isNotNegative();
    List<String> header = cells(lines.get(start + 1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(start + 3, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      List<String> cells = cells(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), cells.get(i));
      }
      rows.add(row);
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
      cells.add(cell.strip().replace("`", "").replace("**", ""));
    }
    return cells;
  }
}
