package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.ear.caseservice.simulate.DemandSimulator;
import uk.ear.caseservice.support.Api;

/**
 * A simulated month (four weeks of the pilot's own October and November 2013, across the clock
 * change) through the real intake and processes: the dashboard's response-window figures equal
 * the same figures recomputed from the engine's history alone, and the calls have the pilot's
 * shape. Years before every other test's cases, so newest-first lists in the shared database
 * still show theirs first, and no other test's timer falls due during the month.
 */
@OnH2
class SimulatedMonthH2IT extends EndToEndTest {

  static final LocalDate FIRST = LocalDate.of(2013, 10, 14);
  static final LocalDate LAST = LocalDate.of(2013, 11, 10);

  @Autowired DemandSimulator simulator;
  @Autowired HistoryService history;

  @Test
  void theDashboardsComplianceIsTheEnginesAndTheCallsHaveThePilotsShape() {
    Instant start = FIRST.atStartOfDay(LONDON).toInstant();
    Instant end = LAST.plusDays(1).atStartOfDay(LONDON).toInstant();
    DemandSimulator.Result month = simulator.simulate(start, end, new DemandSimulator.Settings(30, 0.08, 4, 7));
    System.out.println("simulated month: " + month);
    assertThat(month.callsRefused()).isZero();
    assertThat(month.tasksLeftUndone()).doesNotContainKeys("Task_RecordJointVisit", "Task_AssessNeeds", "Task_ScreenCall");

    Api api = new Api(port);
    String range = "?from=" + FIRST + "&to=" + LAST;
    JsonNode compliance = api.get("admin", "/api/stats/response-windows" + range).body();
    Map<String, long[]> dashboard = new TreeMap<>();
    compliance.path("weeks").forEach(w -> {
      long[] figures = dashboard.computeIfAbsent(w.path("grade").asInt() + " " + w.path("team").asText(), k -> new long[2]);
      figures[0] += w.path("met").asLong();
      figures[1] += w.path("missed").asLong();
    });
    Map<String, long[]> engine = fromHistory(start, end);
    assertThat(engine).isNotEmpty();
    assertThat(dashboard.keySet()).isEqualTo(engine.keySet());
    engine.forEach((key, figures) ->
        assertThat(dashboard.get(key)).as("met and missed, grade and team %s", key).containsExactly(figures));
    long met = engine.values().stream().mapToLong(f -> f[0]).sum();
    long missed = engine.values().stream().mapToLong(f -> f[1]).sum();
    assertThat(missed).isPositive();
    assertThat(compliance.path("percentMet").asDouble()).isEqualTo(Math.round(1000.0 * met / (met + missed)) / 10.0);

    // the shape: Preston about 15 % of calls, Friday and Saturday busiest, afternoon to midnight
    JsonNode districts = api.get("admin", "/api/stats/districts" + range).body().path("districts");
    long calls = 0;
    long preston = 0;
    for (JsonNode d : districts) {
      calls += d.path("calls").asLong();
      preston += "PRESTON".equals(d.path("district").asText()) ? d.path("calls").asLong() : 0;
    }
    assertThat(calls).isEqualTo(month.calls());
    assertThat(100.0 * preston / calls).isBetween(11.0, 19.0);
    JsonNode cells = api.get("admin", "/api/stats/calls-by-hour" + range).body().path("cells");
    long[] byDay = new long[8];
    long peak = 0;
    for (JsonNode c : cells) {
      byDay[c.path("day").asInt()] += c.path("calls").asLong();
      peak += c.path("hour").asInt() >= 15 ? c.path("calls").asLong() : 0;
    }
    double weekday = (byDay[1] + byDay[2] + byDay[3] + byDay[4]) / 4.0;
    assertThat((double) byDay[5]).isGreaterThan(weekday);
    assertThat((double) byDay[6]).isGreaterThan(weekday);
    assertThat(100.0 * peak / calls).as("share of calls 15:00-24:00").isGreaterThan(45.0);
  }

  /** Met and missed per "grade team", from the engine's history only. */
  private Map<String, long[]> fromHistory(Instant start, Instant end) {
    List<HistoricProcessInstance> instances =
        history.createHistoricProcessInstanceQuery()
            .processDefinitionKey("EarlyActionCase")
            .startedAfter(Date.from(start.minusMillis(1)))
            .startedBefore(Date.from(end))
            .list();
    Map<String, long[]> figures = new TreeMap<>();
    for (HistoricProcessInstance instance : instances) {
      Set<String> activities =
          history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
              .filter(a -> a.getEndTime() != null || a.getActivityId().startsWith("BoundaryEvent"))
              .map(a -> a.getActivityId())
              .collect(Collectors.toSet());
      boolean visitAsked = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("Task_RecordJointVisit").count() > 0;
      if (!visitAsked) {
        continue;
      }
      Map<String, Object> vars = new HashMap<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()) {
        vars.put(v.getName(), v.getValue());
      }
      boolean missed = activities.contains("BoundaryEvent_ResponseWindowMissed");
      boolean visited = activities.contains("Task_RecordJointVisit");
      if (!missed && !visited) {
        continue; // still open
      }
      long[] f = figures.computeIfAbsent(vars.get("grade") + " " + vars.get("team"), k -> new long[2]);
      f[missed ? 1 : 0]++;
    }
    return figures;
  }
}
