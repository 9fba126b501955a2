package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;
import uk.ear.caseservice.support.Casework;
import uk.ear.caseservice.support.WebappSession;

/**
 * Every {@code /api/stats} endpoint against calls with known times. Each test works in its own
 * week years ahead (the engine's clock moves there), so the figures are only its own calls.
 */
@OnH2
class StatisticsH2IT extends EndToEndTest {

  Api api;
  Casework casework;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    casework = new Casework(api);
  }

  @Test
  void aGrade2CallVisitedAfter70MinutesMissedItsWindow() {
    // Wednesday 11 June 2031, 10:00 London (BST)
    ZonedDateTime logged = LocalDateTime.of(2031, 6, 11, 10, 0).atZone(LONDON);
    clockAt(logged.plusMinutes(1).toInstant());
    String late = call(2, "PRESTON", logged);
    String inTime = call(2, "PRESTON", logged);
    String onTheHour = call(2, "PRESTON", logged);
    String scheduled = call(3, "PRESTON", logged);
    String burnley = call(2, "BURNLEY", logged);
    clockAt(logged.plusMinutes(75).toInstant());
    visit("sw.preston1", inTime, logged.plusMinutes(40));
    visit("sw.preston2", onTheHour, logged.plusMinutes(60));
    visit("sw.preston1", late, logged.plusMinutes(70));
    visit("sw.burnley1", burnley, logged.plusMinutes(30));

    JsonNode preston = stats("mgr.preston", "response-windows", "2031-06-09", "2031-06-15", null);
    JsonNode grade2 = row(preston.path("weeks"), 2, "PRESTON");
    assertThat(grade2.path("weekStarting").asText()).isEqualTo("2031-06-09");
    assertThat(grade2.path("met").asLong()).isEqualTo(2); // 40 and exactly 60 minutes
    assertThat(grade2.path("missed").asLong()).isEqualTo(1); // 70 minutes
    assertThat(grade2.path("percentMet").asDouble()).isEqualTo(66.7);
    assertThat(grade2.path("medianMinutesToVisit").asLong()).isEqualTo(60);
    assertThat(grade2.path("p90MinutesToVisit").asLong()).isEqualTo(70);
    // the grade 3 window (48 hours) is still open and counts neither way
    JsonNode grade3 = row(preston.path("weeks"), 3, "PRESTON");
    assertThat(grade3.path("open").asLong()).isEqualTo(1);
    assertThat(grade3.path("percentMet").isNull()).isTrue();
    assertThat(preston.path("weeks").toString()).doesNotContain("BURNLEY");
    // the manager of Burnley sees Burnley's only; admin both
    assertThat(row(stats("mgr.burnley", "response-windows", "2031-06-09", "2031-06-15", null).path("weeks"), 2, "BURNLEY")
        .path("percentMet").asDouble()).isEqualTo(100.0);
    JsonNode all = stats("admin", "response-windows", "2031-06-09", "2031-06-15", null);
    assertThat(all.path("met").asLong()).isEqualTo(3);
    assertThat(all.path("missed").asLong()).isEqualTo(1);

    // three days on, the grade 3 call was never visited: missed, and a manager was told
    clockAt(logged.plusDays(3).toInstant());
    casework.runJobs(scheduled);
    JsonNode later = stats("mgr.preston", "response-windows", "2031-06-09", "2031-06-15", null);
    assertThat(row(later.path("weeks"), 3, "PRESTON").path("missed").asLong()).isEqualTo(1);

    // the caseload: who visited keeps the case
    JsonNode caseloads = stats("mgr.preston", "caseloads", "2031-06-09", "2031-06-15", null).path("workers");
    assertThat(worker(caseloads, "sw.preston1").path("open").asLong()).isEqualTo(2);
    assertThat(worker(caseloads, "sw.preston1").path("name").asText()).isEqualTo("Priya Shah");
    assertThat(worker(caseloads, "sw.preston2").path("open").asLong()).isEqualTo(1);
    assertThat(caseloads.toString()).doesNotContain("sw.burnley1");

    // open cases by stage: the unvisited grade 3 is past its deadline, with a link to it
    JsonNode open = stats("mgr.preston", "open-cases", "2031-06-09", "2031-06-15", null);
    assertThat(stage(open, "AWAITING_VISIT").path("open").asLong()).isEqualTo(1);
    assertThat(stage(open, "AWAITING_VISIT").path("overdue").asLong()).isEqualTo(1);
    assertThat(stage(open, "ASSESSMENT").path("open").asLong()).isEqualTo(3);
    List<String> overdue = new ArrayList<>();
    open.path("overdue").forEach(c -> {
      assertThat(c.path("link").asText()).isEqualTo("/cases/" + c.path("caseRef").asText());
      overdue.add(c.path("caseRef").asText());
    });
    assertThat(overdue).contains(scheduled).doesNotContain(burnley);

    // escalations: the missed grade 3 window reached a manager, and again 12 hours later
    JsonNode escalations = stats("mgr.preston", "escalations", "2031-06-09", "2031-06-15", null);
    assertThat(escalations.path("escalations").asLong()).isEqualTo(2);
    assertThat(escalations.path("byKind").toString())
        .contains("{\"kind\":\"ReviewMissedResponse\",\"team\":\"PRESTON\",\"count\":1}")
        .contains("{\"kind\":\"ReviewOverdueVisit\",\"team\":\"PRESTON\",\"count\":1}");
    assertThat(escalations.path("incidents").asLong()).isZero();
    assertThat(stats("mgr.burnley", "escalations", "2031-06-09", "2031-06-15", null).path("escalations").asLong()).isZero();
  }

  @Test
  void aFriday11pmCallLandsInFriday23OnBothSidesOfEachClockChange() {
    // spring forward on Sunday 30 March 2031: 23:00 GMT, then 23:00 BST a week later
    ZonedDateTime beforeSpring = LocalDateTime.of(2031, 3, 28, 23, 0).atZone(LONDON);
    ZonedDateTime afterSpring = LocalDateTime.of(2031, 4, 4, 23, 0).atZone(LONDON);
    // fall back on Sunday 26 October 2031: 23:00 BST, then 23:00 GMT
    ZonedDateTime beforeAutumn = LocalDateTime.of(2031, 10, 24, 23, 0).atZone(LONDON);
    ZonedDateTime afterAutumn = LocalDateTime.of(2031, 10, 31, 23, 0).atZone(LONDON);
    for (ZonedDateTime at : List.of(beforeSpring, afterSpring, beforeAutumn, afterAutumn)) {
      clockAt(at.plusMinutes(2).toInstant());
      call(2, "PRESTON", at);
    }
    assertThat(beforeSpring.getOffset()).isNotEqualTo(afterSpring.getOffset());
    for (String[] range : new String[][] {{"2031-03-24", "2031-04-06"}, {"2031-10-20", "2031-11-02"}}) {
      JsonNode heat = stats("mgr.preston", "calls-by-hour", range[0], range[1], null);
      assertThat(heat.path("total").asLong()).isEqualTo(2);
      assertThat(heat.path("cells")).hasSize(7 * 24);
      for (JsonNode cell : heat.path("cells")) {
        boolean friday23 = cell.path("day").asInt() == 5 && cell.path("hour").asInt() == 23;
        assertThat(cell.path("calls").asLong()).as("cell %s", cell).isEqualTo(friday23 ? 2 : 0);
      }
      // the district figures count the same calls; Burnley's manager sees none of them
      JsonNode districts = stats("mgr.preston", "districts", range[0], range[1], null).path("districts");
      assertThat(districts).hasSize(1);
      assertThat(districts.get(0).path("district").asText()).isEqualTo("PRESTON");
      assertThat(districts.get(0).path("calls").asLong()).isEqualTo(2);
      assertThat(districts.get(0).path("openCases").asLong()).isEqualTo(2);
      assertThat(stats("mgr.burnley", "calls-by-hour", range[0], range[1], null).path("total").asLong()).isZero();
    }
  }

  @Test
  void aCallFromADistrictWithNoTeamCountsOnlyInAdminsFigures() {
    ZonedDateTime logged = LocalDateTime.of(2032, 2, 4, 14, 0).atZone(LONDON);
    clockAt(logged.plusMinutes(1).toInstant());
    call(3, "CHORLEY", logged);
    JsonNode admin = stats("admin", "districts", "2032-02-02", "2032-02-08", null).path("districts");
    assertThat(admin).hasSize(1);
    assertThat(admin.get(0).path("team").asText()).isEqualTo("NONE");
    assertThat(admin.get(0).path("openCases").asLong()).isZero();
    assertThat(stats("mgr.preston", "districts", "2032-02-02", "2032-02-08", null).path("districts")).isEmpty();
    assertThat(stats("admin", "districts", "2032-02-02", "2032-02-08", "PRESTON").path("districts")).isEmpty();
  }

  @Test
  void onlyManagersAndAdminSeeFiguresAndOnlyTheirTeams() {
    for (String path : List.of("calls-by-hour", "districts", "response-windows", "open-cases", "caseloads", "escalations")) {
      assertThat(api.get("mgr.preston", "/api/stats/" + path).code()).as(path).isEqualTo(200);
      assertThat(api.get("admin", "/api/stats/" + path + "?team=BURNLEY").code()).as(path).isEqualTo(200);
      assertThat(api.get("mgr.preston", "/api/stats/" + path + "?team=BURNLEY").code()).as(path).isEqualTo(403);
      assertThat(api.get("sw.preston1", "/api/stats/" + path).code()).as(path).isEqualTo(403);
      assertThat(api.get("edt.duty", "/api/stats/" + path).code()).as(path).isEqualTo(403);
      assertThat(api.get("police", "/api/stats/" + path).code()).as(path).isEqualTo(403);
      assertThat(api.get(null, "/api/stats/" + path).code()).as(path).isEqualTo(401);
    }
    Api.Response from = api.get("mgr.preston", "/api/stats/calls-by-hour?from=last-week");
    assertThat(from.code()).isEqualTo(400);
    assertThat(from.contentType()).startsWith("application/problem+json");
    assertThat(from.body().path("errors").get(0).path("field").asText()).isEqualTo("from");
    Api.Response backwards = api.get("mgr.preston", "/api/stats/caseloads?from=2031-02-02&to=2031-02-01");
    assertThat(backwards.code()).isEqualTo(400);
    assertThat(backwards.body().path("errors").get(0).path("field").asText()).isEqualTo("to");
  }

  @Test
  void theDashboardSharesTheWebappsLoginAndIsForManagersAndAdmin() {
    WebappSession manager = WebappSession.login(port, "cockpit", "mgr.preston", "demo");
    java.net.http.HttpResponse<String> page = manager.page("/dashboard");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/chart.js/", "data-chart=\"calls-by-hour\"", "Preston")
        .doesNotContain("Burnley").doesNotContain("https://");
    // its figures with the same login, for reading only
    assertThat(manager.page("/api/stats/caseloads").statusCode()).isEqualTo(200);
    assertThat(manager.page("/api/cases").statusCode()).isEqualTo(401);
    assertThat(manager.page("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
    assertThat(WebappSession.login(port, "tasklist", "admin", "demo").page("/dashboard").body()).contains("All teams", "Burnley");
    assertThat(WebappSession.login(port, "tasklist", "sw.preston1", "demo").page("/dashboard").statusCode()).isEqualTo(403);
    assertThat(WebappSession.login(port, "tasklist", "sw.preston1", "demo").page("/api/stats/caseloads").statusCode()).isEqualTo(403);
    java.net.http.HttpResponse<String> anonymous = WebappSession.anonymous(port).page("/dashboard");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/camunda/app/tasklist/");
  }

  private String call(int grade, String district, ZonedDateTime at) {
    Api.Response response =
        api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), grade, district, at.toOffsetDateTime()));
    assertThat(response.code()).as(response.body().toString()).isEqualTo(201);
    return response.body().path("caseRef").asText();
  }

  private void visit(String worker, String caseRef, ZonedDateTime at) {
    casework.complete(worker, caseRef, "Record joint visit",
        Map.of("visitedAt", at.toLocalDateTime().withSecond(0).toString()));
  }

  private JsonNode stats(String user, String path, String from, String to, String team) {
    String query = "?from=" + from + "&to=" + to + (team == null ? "" : "&team=" + team);
    Api.Response response = api.get(user, "/api/stats/" + path + query);
    assertThat(response.code()).as("%s %s: %s", user, path, response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode row(JsonNode rows, int grade, String team) {
    List<JsonNode> found = new ArrayList<>();
    rows.forEach(r -> {
      if (r.path("grade").asInt() == grade && r.path("team").asText().equals(team)) {
        found.add(r);
      }
    });
    assertThat(found).as("grade %s %s in %s", grade, team, rows).hasSize(1);
    return found.get(0);
  }

  private static JsonNode worker(JsonNode workers, String id) {
    for (JsonNode w : workers) {
      if (id.equals(w.path("worker").asText())) {
        return w;
      }
    }
    throw new AssertionError(id + " not in " + workers);
  }

  private static JsonNode stage(JsonNode open, String stage) {
    for (JsonNode s : open.path("stages")) {
      if (stage.equals(s.path("stage").asText())) {
        return s;
      }
    }
    throw new AssertionError(stage + " not in " + open);
  }
}
