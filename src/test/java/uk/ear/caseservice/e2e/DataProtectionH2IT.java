package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.ear.caseservice.support.Calls.call;
import static uk.ear.caseservice.support.Calls.person;
import static uk.ear.caseservice.support.Calls.uniqueRef;
import static uk.ear.caseservice.support.Calls.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.caseservice.privacy.RetentionJob;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.DatabaseScan;

/**
 * Data protection over the real service: retention and erasure of closed cases (the engine's
 * history with them), legal holds, and subject access exports (JSON and PDF), each audited.
 */
@OnH2
class DataProtectionH2IT extends EndToEndTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RetentionJob retention;

  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  // --- retention and erasure

  @Test
  void pastItsPeriodAClosedCasesPersonalDataIsGoneFromEveryTableButHeldOpenAndChildrensCasesStay() {
    String adultName = "Alex-" + UUID.randomUUID();
    String adult = closedCase(adultName, "1980-02-03", "ADULT");
    String childName = "Casey-" + UUID.randomUUID();
    String child = closedCase(childName, "2012-06-07", "CHILD");
    String heldName = "Robin-" + UUID.randomUUID();
    String held = closedCase(heldName, "1975-01-01", "ADULT");
    assertThat(api.put("admin", "/api/cases/" + held + "/legal-hold", Map.of("reason", "Complaint under review")).code())
        .isEqualTo(204);
    String openName = "Sam-" + UUID.randomUUID();
    String open = newCase(openName, "1990-09-09", "ADULT", 2);
    jdbc.update("insert into ear_case_audit (case_ref, username, action, at, channel, refused) values (?, 'old.reader', 'VIEWED', ?, 'API', false)",
        open, java.sql.Timestamp.from(Instant.now().minusSeconds(8L * 366 * 24 * 3600)));

    // a day short of six years: nothing goes
    ZonedDateTime closed = ZonedDateTime.now(ENGINE);
    clockAt(closed.plusYears(6).minusDays(1).toInstant());
    RetentionJob.Report early = retention.run();
    assertThat(early.erased()).doesNotContain(adult, child, held, open);
    // audit rows go after their own period (seven years)
    assertThat(early.auditRowsDropped()).isPositive();

    // six years and a day after closure
    clockAt(closed.plusYears(6).plusDays(1).toInstant());
    RetentionJob.Report report = retention.run();

    assertThat(report.erased()).contains(adult).doesNotContain(child, held, open);
    assertThat(DatabaseScan.tablesHolding(jdbc, "%", adultName)).as("the adult's name anywhere").isEmpty();
    assertThat(DatabaseScan.tablesHolding(jdbc, "%", "summary of " + adultName)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where business_key_ = ?", Integer.class, adult))
        .as("the case's engine history").isZero();
    assertThat(jdbc.queryForObject("select count(*) from ear_case_entry e join ear_case c on c.id = e.case_id where c.case_ref = ?",
        Integer.class, adult)).isZero();
    // the figures stay: the case, its grade, times and outcome, and its audit trail
    JsonNode erased = api.get("admin", "/api/cases/" + adult).body();
    assertThat(erased.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(erased.path("closureReason").asText()).isEqualTo("NO_FURTHER_ACTION");
    assertThat(jdbc.queryForList("select action from ear_case_audit where case_ref = ?", String.class, adult)).contains("ERASED");

    // a child's case stays until the youngest child is 25, a held case and an open one as they are
    assertThat(DatabaseScan.tablesHolding(jdbc, "EAR\\_%", childName)).isNotEmpty();
    assertThat(DatabaseScan.tablesHolding(jdbc, "EAR\\_%", heldName)).isNotEmpty();
    assertThat(DatabaseScan.tablesHolding(jdbc, "EAR\\_%", openName)).isNotEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where business_key_ = ?", Integer.class, held))
        .isPositive();
    assertThat(report.keptRunning()).doesNotContain(adult);
    assertThat(jdbc.queryForObject("select count(*) from ear_case_audit where username = 'old.reader' and case_ref = ?",
        Integer.class, open)).isZero();

    // the child's case goes once the youngest child is 25
    clockAt(ZonedDateTime.of(2037, 6, 8, 12, 0, 0, 0, LONDON).toInstant());
    assertThat(retention.run().erased()).contains(child).doesNotContain(held);
    assertThat(DatabaseScan.tablesHolding(jdbc, "%", childName)).isEmpty();
  }

  // --- subject access

  @Test
  void anAdministratorExportsEverythingHeldAboutAPersonWithTwoCasesAndTheExportIsAudited() throws Exception {
    String name = "Jordan-" + UUID.randomUUID();
    String first = closedCase(name, "2010-04-05", "CHILD");
    String second = newCase(name, "2010-04-05", "CHILD", 2);
    assertThat(second).isNotEqualTo(first);

    Api.Response json = api.get("admin", "/api/subject-access?name=" + encode(name) + "&dateOfBirth=2010-04-05");
    assertThat(json.code()).isEqualTo(200);
    List<String> refs = new java.util.ArrayList<>();
    json.body().path("cases").forEach(c -> refs.add(c.path("caseRef").asText()));
    assertThat(refs).containsExactlyInAnyOrder(first, second);
    JsonNode firstCase = json.body().path("cases").get(refs.indexOf(first));
    assertThat(firstCase.path("people").get(0).path("name").asText()).isEqualTo(name);
    assertThat(firstCase.path("calls").get(0).path("summary").asText()).contains("summary of " + name);
    assertThat(firstCase.path("entries")).isNotEmpty();
    assertThat(firstCase.path("lookedAt")).isNotEmpty();

    Api.Raw pdf = api.getBytes("admin", "/api/subject-access/pdf?name=" + encode(name) + "&dateOfBirth=2010-04-05");
    assertThat(pdf.code()).isEqualTo(200);
    String text;
    try (var document = Loader.loadPDF(pdf.bytes())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text).contains(first, second, name, "Who looked at the record");

    for (String caseRef : List.of(first, second)) {
      assertThat(jdbc.queryForList(
              "select detail from ear_case_audit where case_ref = ? and action = 'SUBJECT_ACCESS_EXPORT' and username = 'admin'",
              String.class, caseRef))
          .containsExactlyInAnyOrder("json", "pdf");
    }
    // by case reference too; nobody but an administrator; a question without a person is a 400
    assertThat(api.get("admin", "/api/subject-access?caseRef=" + second).body().path("cases")).hasSize(1);
    assertThat(api.get("mgr.preston", "/api/subject-access?caseRef=" + second).code()).isEqualTo(403);
    Api.Response incomplete = api.get("admin", "/api/subject-access?name=" + encode(name));
    assertThat(incomplete.code()).isEqualTo(400);
    assertThat(incomplete.contentType()).contains("application/problem+json");
  }

  // --- cases as the tests need them

  /** A Preston case about one person, by a police call of {@code grade}. */
  private String newCase(String name, String dateOfBirth, String role, int grade) {
    Map<String, Object> call = with(
        with(call(uniqueRef(), grade, "PRESTON", OffsetDateTime.now(ENGINE).minusMinutes(10)),
            "subjects", List.of(person(name, dateOfBirth, role))),
        "summary", "summary of " + name);
    Api.Response created = api.post("police", "/api/calls", call);
    assertThat(created.code()).as("%s", created.body()).isEqualTo(201);
    return created.body().path("caseRef").asText();
  }

  /** A grade 4 call screened at the desk as no further action: closed, its process ended. */
  private String closedCase(String name, String dateOfBirth, String role) {
    String caseRef = newCase(name, dateOfBirth, role, 4);
    var screening = tasks.createTaskQuery().processInstanceBusinessKey(caseRef).singleResult();
    tasks.complete(screening.getId(), Map.of(
        "screeningOutcome", "NO_FURTHER_ACTION", "screeningNotes", "Screened: notes about " + name));
    for (int round = 0; round < 5 && runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count() > 0; round++) {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()) {
        management.createJobQuery().processInstanceId(instance.getId()).list()
            .forEach(job -> management.executeJob(job.getId()));
      }
      externalTasks.fetchAndLock(10, "test").topic("ear-police-update", 60_000).businessKey(caseRef).execute()
          .forEach(task -> externalTasks.complete(task.getId(), "test"));
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count()).isZero();
    return caseRef;
  }

  /** The names here are letters, digits and hyphens: safe in a query as they are. */
  private static String encode(String text) {
    return text;
  }
}
