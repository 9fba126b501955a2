package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;
import uk.ear.caseservice.support.Casework;

/** The service's figures at /actuator/prometheus: for administrators only, and they move. */
@OnH2
class MetricsH2IT extends EndToEndTest {

  Api api;
  Casework work;

  @BeforeEach
  void client() {
    api = new Api(port);
    work = new Casework(api);
  }

  @Test
  void callsWindowsEscalationsAndTheEnginesBacklogAreCounted() {
    OffsetDateTime now = OffsetDateTime.now(ENGINE);
    double calls = value("ear_calls_received_total", "district=\"BURNLEY\"", "grade=\"3\"", "route=\"JOINT_VISIT\"");
    double met = value("ear_response_windows_total", "outcome=\"met\"");
    double missed = value("ear_response_windows_total", "outcome=\"missed\"");
    double escalations = value("ear_escalations_total", "kind=\"ReviewMissedResponse\"");

    String visited = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 3, "BURNLEY", now.minusMinutes(5)))
        .body().path("caseRef").asText();
    work.complete("sw.burnley1", visited, "Record joint visit", Map.of());
    String late = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 3, "BURNLEY", now.minusMinutes(5)))
        .body().path("caseRef").asText();
    // the 48 hours pass without a visit: the window timer fires as the job executor would run it
    clockAt(ENGINE.instant().plusSeconds(49 * 3600));
    for (JsonNode instance : api.get("admin", "/engine-rest/process-instance?businessKey=" + late).body()) {
      for (JsonNode t : api.get("admin", "/engine-rest/job?timers=true&activityId=BoundaryEvent_ResponseWindowMissed&processInstanceId="
          + instance.path("id").asText()).body()) {
        assertThat(api.post("admin", "/engine-rest/job/" + t.path("id").asText() + "/execute", null).code()).isEqualTo(204);
      }
    }
    work.runJobs(late);

    assertThat(value("ear_calls_received_total", "district=\"BURNLEY\"", "grade=\"3\"", "route=\"JOINT_VISIT\""))
        .isEqualTo(calls + 2);
    assertThat(value("ear_response_windows_total", "outcome=\"met\"")).isEqualTo(met + 1);
    assertThat(value("ear_response_windows_total", "outcome=\"missed\"")).isEqualTo(missed + 1);
    assertThat(value("ear_escalations_total", "kind=\"ReviewMissedResponse\"")).isEqualTo(escalations + 1);
    assertThat(value("ear_cases_open", "stage=\"AWAITING_VISIT\"")).isGreaterThanOrEqualTo(1);
    assertThat(scrape()).contains("ear_jobs_backlog ", "ear_incidents ", "ear_timers_oldest_due_age_seconds ");
  }

  @Test
  void onlyAdministratorsReadTheMetrics() {
    assertThat(api.get("mgr.preston", "/actuator/prometheus").code()).isEqualTo(403);
    assertThat(api.get("police", "/actuator/prometheus").code()).isEqualTo(403);
    assertThat(api.send(org.springframework.http.HttpMethod.GET, "/actuator/prometheus", null, Map.of()).code()).isEqualTo(401);
  }

  private String scrape() {
    Api.Raw raw = api.getBytes("admin", "/actuator/prometheus");
    assertThat(raw.code()).isEqualTo(200);
    return new String(raw.bytes(), StandardCharsets.UTF_8);
  }

  /** The value of the series {@code name} with these labels, 0 before it first counts. */
  private double value(String name, String... labels) {
    for (String line : scrape().split("\n")) {
      if (line.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(line::contains)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
      }
    }
    return 0;
  }
}
