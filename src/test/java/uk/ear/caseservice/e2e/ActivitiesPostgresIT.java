package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.ear.caseservice.support.Calls.call;
import static uk.ear.caseservice.support.Calls.person;
import static uk.ear.caseservice.support.Calls.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Casework;

/**
 * The teams' activities over HTTP on PostgreSQL, each driven to closure by filling every task from
 * its deployed form as Tasklist does: a missing child's return interview, a DASH checklist that
 * reaches MARAC, a child at risk with a protection conference, a hospital admission, and a visit
 * to a registered vulnerable location.
 */
@OnPostgres
class ActivitiesPostgresIT extends EndToEndTest {

  Api api;
  Casework work;

  @BeforeEach
  void client() {
    api = new Api(port);
    work = new Casework(api);
  }

  @Test
  void aMissingChildsReturnInterviewFindsExploitationAndTheCaseClosesWithTheManager() {
    String caseRef = opened(call());
    String returned = LocalDateTime.now(ENGINE).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString();
    work.complete("sw.preston1", caseRef, "Record joint visit", Map.of("returnedAt", returned));

    // the interview is due 72 hours after the return, and the assessment waits for it
    JsonNode interview = work.activity(caseRef, "RETURN_INTERVIEW");
    assertThat(interview.path("status").asText()).isEqualTo("OPEN");
    assertThat(OffsetDateTime.parse(interview.path("dueAt").asText()).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse(returned).plusHours(72));
    assertThat(work.taskNames("sw.preston1", caseRef)).contains("Hold return home interview", "Assess needs");
    assertThat(work.task("sw.preston1", caseRef, "Hold return home interview").path("assignee").asText())
        .isEqualTo("sw.preston1");

    work.complete("sw.preston1", caseRef, "Hold return home interview",
        Map.of("exploitationIndicators", Map.of("value", "[\"OLDER_ASSOCIATES\",\"GIFTS_OR_MONEY\"]", "type", "Json")));
    // any sign of exploitation: the CSE team, the same working day (it is 10:00 on a working day)
    JsonNode referral = work.task("sw.preston1", caseRef, "Refer to child sexual exploitation team");
    assertThat(OffsetDateTime.parse(referral.path("due").asText().replaceAll("(\\d\\d)(\\d\\d)$", "$1:$2"))
            .atZoneSameInstant(LONDON).toLocalDateTime())
        .isEqualTo(LocalDate.now(ENGINE).atTime(17, 0));
    work.complete("sw.preston1", caseRef, "Refer to child sexual exploitation team", Map.of());
    JsonNode done = work.activity(caseRef, "RETURN_INTERVIEW");
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("outcome").asText()).isEqualTo("EXPLOITATION_INDICATED");

    assessAndClose(caseRef, true);
  }

  @Test
  void aDashChecklistWithFourteenYesAnswersIsReferredToMarac() {
    Map<String, Object> call = with(call(), "category", "DOMESTIC_ABUSE");
    call = with(call, "subjects", List.of(adult()));
    String caseRef = opened(call);
    work.complete("sw.preston1", caseRef, "Record joint visit", Map.of());
    assertThat(work.taskNames("sw.preston1", caseRef)).contains("Complete DASH risk checklist", "Assess needs");

    Map<String, Object> answers = new HashMap<>();
    for (int n = 1; n <= 27; n++) {
      answers.put(String.format("dash%02d", n), n <= 14 ? "YES" : "NO");
    }
    work.complete("sw.preston1", caseRef, "Complete DASH risk checklist", answers);

    JsonNode dash = work.activity(caseRef, "DOMESTIC_ABUSE_RISK");
    assertThat(dash.path("score").asInt()).isEqualTo(14);
    assertThat(dash.path("outcome").asText()).isEqualTo("HIGH_RISK_SCORE");
    assertThat(dash.path("status").asText()).isEqualTo("OPEN");
    work.complete("sw.preston1", caseRef, "Refer to MARAC", Map.of());
    assertThat(work.activity(caseRef, "DOMESTIC_ABUSE_RISK").path("status").asText()).isEqualTo("DONE");

    assessAndClose(caseRef, false);
  }

  @Test
  void aChildAtRiskHasAStrategyDiscussionAndAConferenceBeforeTheCaseCloses() {
    String caseRef = opened(with(call(), "category", "VULNERABLE_CHILD"));
    work.complete("sw.preston1", caseRef, "Record joint visit", Map.of());

    work.complete("sw.preston1", caseRef, "Carry out welfare check", Map.of("welfareOutcome", "CHILD_AT_RISK"));
    work.complete("sw.preston1", caseRef, "Hold child protection strategy discussion", Map.of("conferenceNeeded", "YES"));
    // the conference is tracked to 15 working days after the strategy discussion
    JsonNode welfare = work.activity(caseRef, "WELFARE_CHECK");
    LocalDate fifteenWorkingDays =
        new uk.ear.caseservice.policy.WorkingCalendar(java.util.Set.of()).plusWorkingDays(LocalDate.now(ENGINE), 15);
    assertThat(OffsetDateTime.parse(welfare.path("dueAt").asText()).toLocalDate()).isEqualTo(fifteenWorkingDays);
    work.complete("sw.preston1", caseRef, "Record child protection conference outcome",
        Map.of("conferenceOutcome", "PLAN_MADE"));
    JsonNode done = work.activity(caseRef, "WELFARE_CHECK");
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("outcome").asText()).isEqualTo("PLAN_MADE");

    assessAndClose(caseRef, true);
  }

  @Test
  void aHospitalAdmissionOpensACaseTheTeamLiaisesOnAndCloses() {
    Map<String, Object> admission = admission("ADULT_AT_CRISIS_POINT", adultPatient());
    Api.Response created = api.post("hospital", "/api/hospital-admissions", admission);
    assertThat(created.code()).as("%s", created.body()).isEqualTo(201);
    String caseRef = created.body().path("caseRef").asText();
    assertThat(created.headers().getLocation()).hasToString("/api/cases/" + caseRef);
    assertThat(created.body().path("route").asText()).isEqualTo("HOSPITAL_LIAISON");
    assertThat(OffsetDateTime.parse(created.body().path("liaisonDueAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse((String) admission.get("admittedAt")).plusHours(4).toInstant());
    // a retry is the same answer; other content under the same reference is a conflict
    Api.Response retried = api.post("hospital", "/api/hospital-admissions", admission);
    assertThat(retried.code()).isEqualTo(200);
    assertThat(retried.body()).isEqualTo(created.body());
    Api.Response conflict = api.post("hospital", "/api/hospital-admissions", with(admission, "summary", "other"));
    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.contentType()).startsWith("application/problem+json");
    // the hospital reads the case it opened; the police do not
    JsonNode seen = api.get("hospital", "/api/cases/" + caseRef).body();
    assertThat(seen.path("route").asText()).isEqualTo("HOSPITAL_LIAISON");
    assertThat(seen.path("grade").isNull()).isTrue();
    assertThat(seen.path("category").asText()).isEqualTo("VULNERABLE_ADULT");
    assertThat(api.get("police", "/api/cases/" + caseRef).code()).isEqualTo(404);

    // in office hours the team liaises, not EDT
    assertThat(work.taskNames("edt.duty", caseRef)).isEmpty();
    work.complete("sw.preston1", caseRef, "Liaise with hospital", Map.of("liaisonOutcome", "ASSESS"));
    assertThat(work.activity(caseRef, "HOSPITAL_LIAISON").path("outcome").asText()).isEqualTo("ASSESS");
    // an adult at crisis point: a welfare check before the assessment ends (ActivitiesForCase.dmn)
    work.complete("sw.preston1", caseRef, "Carry out welfare check", Map.of("welfareOutcome", "SAFE"));
    assessAndClose(caseRef, false);
  }

  @Test
  void outOfHoursTheEmergencyDutyTeamLiaisesAndAnAdmissionJoinsThePatientsOpenCase() {
    Map<String, Object> patient = adultPatient();
    // a police call about the patient opens a case first
    String caseRef =
        opened(with(call(), "subjects", List.of(person((String) patient.get("name"), (String) patient.get("dateOfBirth"), "ADULT"))));
    clockAt(LocalDate.now(ENGINE).atTime(21, 0).atZone(LONDON).toInstant());

    Api.Response joined = api.post("hospital", "/api/hospital-admissions", admission("OVERDOSE", patient));
    assertThat(joined.code()).as("%s", joined.body()).isEqualTo(201);
    assertThat(joined.body().path("route").asText()).isEqualTo("LINKED_TO_OPEN_CASE");
    assertThat(joined.body().path("caseRef").asText()).isEqualTo(caseRef);
    assertThat(work.taskNames("sw.preston1", caseRef)).doesNotContain("Liaise with hospital");
    work.complete("edt.duty", caseRef, "Liaise with hospital", Map.of("liaisonOutcome", "ASSESS"));
    assertThat(work.activity(caseRef, "HOSPITAL_LIAISON").path("status").asText()).isEqualTo("DONE");
    // the case's own work carries on
    assertThat(work.taskNames("sw.preston1", caseRef)).contains("Record joint visit");
  }

  @Test
  void theOpenApiDescriptionCoversAdmissionsAndLocations() {
    JsonNode paths = api.get("hospital", "/v3/api-docs").body().path("paths");
    assertThat(paths.has("/api/hospital-admissions")).isTrue();
    assertThat(paths.path("/api/hospital-admissions").path("post").path("responses").has("409")).isTrue();
    assertThat(paths.has("/api/locations")).isTrue();
  }

  @Test
  void badAdmissionsAreRefusedNamingTheFieldAndNothingIsStored() {
    Map<String, Object> good = admission("OTHER", adultPatient());
    Api.Response refused = api.post("hospital", "/api/hospital-admissions", with(good, "reason", "BROKEN_LEG"));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("errors").toString()).contains("reason");
    Api.Response refusedRef = api.post("hospital", "/api/hospital-admissions", with(good, "admissionRef", "no spaces"));
    assertThat(refusedRef.code()).isEqualTo(400);
    assertThat(refusedRef.body().path("errors").toString()).contains("admissionRef");
    // nothing was stored: the same reference with good content is new
    assertThat(api.post("hospital", "/api/hospital-admissions", good).code()).isEqualTo(201);
    Api.Response missing = api.post("hospital", "/api/hospital-admissions", with(admission("OTHER", adultPatient()), "patient", null));
    assertThat(missing.code()).isEqualTo(400);
    assertThat(missing.body().path("errors").toString()).contains("patient");
    // people and the police may not post admissions
    assertThat(api.post("sw.preston1", "/api/hospital-admissions", admission("OTHER", adultPatient())).code()).isEqualTo(403);
    assertThat(api.post("police", "/api/hospital-admissions", admission("OTHER", adultPatient())).code()).isEqualTo(403);
  }

  @Test
  void aRegisteredLocationIsVisitedWhenDueAndItsNextVisitFollows() {
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("name", "Ribbleton children's home " + UUID.randomUUID().toString().substring(0, 6));
    location.put("kind", "CHILDRENS_HOME");
    location.put("district", "PRESTON");
    location.put("address", "1 Example Lane, Preston PR1 5EZ");
    location.put("visitEvery", "P28D");
    // only the district's team managers (and admin) keep its locations
    assertThat(api.post("sw.preston1", "/api/locations", location).code()).isEqualTo(403);
    assertThat(api.post("mgr.burnley", "/api/locations", location).code()).isEqualTo(403);
    Api.Response bad = api.post("mgr.preston", "/api/locations", with(location, "visitEvery", "monthly"));
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.body().path("errors").toString()).contains("visitEvery");
    Api.Response registered = api.post("mgr.preston", "/api/locations", location);
    assertThat(registered.code()).as("%s", registered.body()).isEqualTo(201);
    long id = registered.body().path("locationId").asLong();
    assertThat(registered.body().path("nextVisitDue").asText()).isEqualTo(LocalDate.now(ENGINE).toString());

    // the morning run (its timer job, executed as the job executor would) opens the visit task
    JsonNode morning = api.get("admin", "/engine-rest/job?timers=true&processDefinitionKey=VisitVulnerableLocations").body().get(0);
    assertThat(api.post("admin", "/engine-rest/job/" + morning.path("id").asText() + "/execute", null).code()).isEqualTo(204);
    JsonNode visit = visitTaskOf(id);
    assertThat(api.get("sw.burnley1", "/engine-rest/task/" + visit.path("id").asText()).code()).isEqualTo(404);
    work.complete("sw.preston1", visit, Map.of("locationConcerns", "CONCERNS_NOTED"));

    JsonNode listed = null;
    Api.Response list = api.get("mgr.preston", "/api/locations?district=PRESTON");
    assertThat(list.code()).as("%s", list.body()).isEqualTo(200);
    for (JsonNode l : list.body()) {
      if (l.path("locationId").asLong() == id) {
        listed = l;
      }
    }
    assertThat(listed).as("location %s in %s", id, list.body()).isNotNull();
    assertThat(listed.path("visitOpen").asBoolean()).isFalse();
    assertThat(listed.path("nextVisitDue").asText()).isEqualTo(LocalDate.now(ENGINE).plusDays(28).toString());
    assertThat(api.get("sw.preston1", "/api/locations?district=PRESTON").code()).isEqualTo(403);
  }

  // --- steps

  private String opened(Map<String, Object> call) {
    Api.Response created = api.post("police", "/api/calls", call);
    assertThat(created.code()).as("%s", created.body()).isEqualTo(201);
    return created.body().path("caseRef").asText();
  }

  /** No further action after the assessment; a child's case needs the manager's approval. */
  private void assessAndClose(String caseRef, boolean child) {
    work.complete("sw.preston1", caseRef, "Assess needs", Map.of("assessmentOutcome", "NO_FURTHER_ACTION"));
    if (child) {
      work.complete("mgr.preston", caseRef, "Approve closing case", Map.of("closureDecision", "APPROVE"));
    }
    work.runJobs(caseRef);
    JsonNode closed = work.caseView(caseRef);
    assertThat(closed.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closureReason").asText()).isEqualTo("NO_FURTHER_ACTION");
    assertThat(closed.path("activities")).allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("DONE"));
  }

  private JsonNode visitTaskOf(long locationId) {
    for (JsonNode t : api.get("sw.preston1", "/engine-rest/task?processDefinitionKey=VisitVulnerableLocations").body()) {
      JsonNode id = api.get("admin", "/engine-rest/task/" + t.path("id").asText() + "/variables/locationId").body();
      if (id.path("value").asLong() == locationId) {
        return t;
      }
    }
    throw new AssertionError("no visit task for location " + locationId + " among "
        + api.get("admin", "/engine-rest/task?processDefinitionKey=VisitVulnerableLocations").body() + "; runs: "
        + api.get("admin", "/engine-rest/history/activity-instance?processDefinitionKey=VisitVulnerableLocations").body()
        + "; incidents: " + api.get("admin", "/engine-rest/incident").body()
        + "; locations: " + api.get("admin", "/api/locations").body());
  }

  private static Map<String, Object> adult() {
    return person("Alex " + UUID.randomUUID().toString().substring(0, 8), "1990-02-03", "ADULT");
  }

  private static Map<String, Object> adultPatient() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", "Sam " + UUID.randomUUID().toString().substring(0, 8));
    p.put("dateOfBirth", "1985-06-07");
    return p;
  }

  private static Map<String, Object> admission(String reason, Map<String, Object> patient) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("admissionRef", "RPH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    a.put("hospital", "Royal Preston Hospital");
    a.put("admittedAt", OffsetDateTime.now(ENGINE).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS).toString());
    a.put("reason", reason);
    a.put("district", "PRESTON");
    a.put("patient", patient);
    a.put("summary", "Admitted after a crisis at home; ward asks for support on discharge.");
    a.put("contact", Map.of("name", "Ward 8 safeguarding nurse", "phone", "+441772000000"));
    return a;
  }
}
