package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;
import uk.ear.caseservice.support.Casework;
import uk.ear.caseservice.support.DatabaseScan;
import uk.ear.caseservice.support.WebappSession;

/**
 * The case page over HTTP, with the webapps' login: the whole case for its team, 404 for another
 * team, the login for nobody; case notes kept in the case record and never in the engine.
 */
@OnH2
class CasePageH2IT extends EndToEndTest {

  @Autowired JdbcTemplate jdbc;

  Api api;
  Casework work;
  String name;
  String caseRef;

  @BeforeEach
  void aCase() {
    api = new Api(port);
    work = new Casework(api);
    name = "Robin " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> call =
        Calls.with(Calls.call(), "subjects", List.of(Calls.person(name, "2010-04-03", "CHILD")));
    caseRef = api.post("police", "/api/calls", call).body().path("caseRef").asText();
    work.complete("sw.preston1", caseRef, "Record joint visit", Map.of("visitNotes", "Seen in the kitchen with mum."));
  }

  @Test
  void theTeamSeesTheWholeCaseAnotherTeamGets404AndNobodyIsSentToTheLogin() {
    WebappSession preston = WebappSession.login(port, "tasklist", "sw.preston1", "demo");
    HttpResponse<String> page = preston.page("/cases/" + caseRef);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(name, "Child", "15-year-old returned home", "Joint visit", "Seen in the kitchen with mum.",
            "Assess needs", "Police call", "Chronology")
        .contains("met");
    // the summary Tasklist frames above each task form: framed by our own pages only
    HttpResponse<String> summary = preston.page("/cases/" + caseRef + "/summary");
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.body()).contains(name, "15-year-old returned home", "Open the case page");
    assertThat(summary.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");

    assertThat(WebappSession.login(port, "tasklist", "sw.burnley1", "demo").page("/cases/" + caseRef).statusCode())
        .isEqualTo(404);
    HttpResponse<String> anonymous = WebappSession.anonymous(port).page("/cases/" + caseRef);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/camunda/app/tasklist/"));
    // every view is in the case's audit trail
    assertThat(jdbc.queryForObject(
            "select count(*) from ear_case_audit where case_ref = ? and channel = 'CASE_PAGE' and username = 'sw.burnley1' and refused",
            Integer.class, caseRef))
        .isEqualTo(1);
  }

  @Test
  void aCaseNoteGoesIntoTheChronologyAndNowhereInTheEngine() {
    WebappSession preston = WebappSession.login(port, "tasklist", "sw.preston1", "demo");
    String text = "NOTE-" + UUID.randomUUID() + " Spoke to the school nurse.";
    // a form without the page's CSRF token is refused
    assertThat(preston.form("/cases/" + caseRef + "/notes", Map.of("note", text)).statusCode()).isEqualTo(403);

    HttpResponse<String> added =
        preston.form("/cases/" + caseRef + "/notes", Map.of("note", text, "_csrf", csrf(preston.page("/cases/" + caseRef).body())));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(preston.page("/cases/" + caseRef).body()).contains("Case note", text);
    assertThat(DatabaseScan.tablesHolding(jdbc, "ACT_%", text.substring(0, 41))).isEmpty();
    assertThat(DatabaseScan.tablesHolding(jdbc, "EAR_%", text.substring(0, 41))).isNotEmpty();

    // another team may not write on the case either, even with a token of its own session
    WebappSession burnley = WebappSession.login(port, "tasklist", "sw.burnley1", "demo");
    String burnleyCase = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 2, "BURNLEY",
        java.time.OffsetDateTime.now(ENGINE).minusMinutes(5))).body().path("caseRef").asText();
    String token = csrf(burnley.page("/cases/" + burnleyCase).body());
    assertThat(token).isNotNull();
    assertThat(burnley.form("/cases/" + caseRef + "/notes", Map.of("note", "not mine", "_csrf", token)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aChildsAssessmentNeedsTheThreeDomainsOfTheAssessmentFramework() {
    var task = work.task("sw.preston1", caseRef, "Assess needs");
    var form = api.get("sw.preston1", "/engine-rest/task/" + task.path("id").asText() + "/deployed-form").body();
    java.util.Map<String, Object> withoutDomains = new java.util.HashMap<>();
    withoutDomains.put("childDevelopmentalNeeds", null);
    withoutDomains.put("parentingCapacity", null);
    withoutDomains.put("assessmentOutcome", "INTENSIVE_SUPPORT");
    Api.Response refused = api.post("sw.preston1", "/engine-rest/task/" + task.path("id").asText() + "/submit-form",
        uk.ear.caseservice.support.FormFiller.submission(form, withoutDomains));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.body().path("message").asText())
        .contains("'The child's developmental needs' is required", "'Parenting capacity' is required")
        .doesNotContain("Family and environmental factors");

    work.complete("sw.preston1", caseRef, "Assess needs", Map.of("assessmentOutcome", "INTENSIVE_SUPPORT"));
    WebappSession preston = WebappSession.login(port, "tasklist", "sw.preston1", "demo");
    assertThat(preston.page("/cases/" + caseRef).body()).contains("Parenting capacity:", "Their views and wishes:", "Risk LOW:");
  }

  @Test
  void withoutConsentTheCasePageShowsTheHandoverWaitingForTheManagersLawfulBasis() {
    work.complete("sw.preston1", caseRef, "Assess needs", Map.of("assessmentOutcome", "REFER_ON"));
    work.complete("sw.preston1", caseRef, "Choose receiving services",
        Map.of("receivingServices", Map.of("value", "[\"CHILDRENS_SOCIAL_CARE\"]", "type", "Json")));
    work.complete("sw.preston1", caseRef, "Record consent to share",
        Map.of("consentToShare", "REFUSED", "consentNotes", "Mum does not want school told."));
    WebappSession preston = WebappSession.login(port, "tasklist", "sw.preston1", "demo");
    assertThat(preston.page("/cases/" + caseRef).body())
        .contains("Sharing with other services", "Refused", "none yet: waiting for a manager", "Approve sharing without consent");
    // no pack for the workers while there is no lawful basis
    work.runJobs(caseRef);
    assertThat(api.post("workers", "/engine-rest/external-task/fetchAndLock", Map.of("workerId", "page-test", "maxTasks", 5,
            "topics", List.of(Map.of("topicName", "ear-handover-pack", "lockDuration", 1000, "businessKey", caseRef))))
        .body()).isEmpty();

    work.complete("mgr.preston", caseRef, "Approve sharing without consent",
        Map.of("sharingDecision", "APPROVE", "lawfulBasis", "SAFEGUARDING_CHILD", "sharingReason", "Bruising unexplained."));
    assertThat(preston.page("/cases/" + caseRef).body())
        .contains("Safeguarding child", "mgr.preston", "Sharing decision", "Share on safeguarding child");
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    return m.find() ? m.group(1) : null;
  }
}
