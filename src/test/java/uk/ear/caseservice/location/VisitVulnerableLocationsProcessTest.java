package uk.ear.caseservice.location;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.mockito.Expressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.process.ProcessScenario;

/**
 * The morning run: at 09:00 UTC each day it plans the visits due and gives each location's team a
 * "Visit vulnerable location" task, five working days to do it; the run ends when all are visited.
 */
@Deployment(resources = {"processes/VisitVulnerableLocations.bpmn", "forms/VisitVulnerableLocation.form"})
class VisitVulnerableLocationsProcessTest extends ProcessScenario {

  // Monday 7 October 2013, 09:00 UTC (10:00 BST)
  static final Instant MONDAY_MORNING = Instant.parse("2013-10-07T09:00:00Z");

  /**
   * The clock is set before the engine extension deploys the process, because the deployment
   * schedules the first 09:00 timer from "now" (on Operaton as on Camunda, whichever clock a
   * previous test left behind).
   */
  @RegisterExtension
  @Order(1)
  static BeforeEachCallback sundayNight =
      context -> ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.minusSeconds(3600)));

  @RegisterExtension
  @Order(2)
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();


  LocationVisits visits;

  @BeforeEach
  void mocks() {
    autoMock("processes/VisitVulnerableLocations.bpmn");
    visits = Expressions.registerMockInstance("locationVisits", LocationVisits.class);
    when(visits.nameOf(anyLong())).thenAnswer(call -> "Home " + call.getArgument(0));
    when(visits.addressOf(anyLong())).thenReturn("1 Example Street, Preston");
    when(visits.teamGroupOf(anyLong())).thenReturn(TEAM_GROUP);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.minusSeconds(3600)));
  }

  @Test
  void eachMorningEveryLocationDueGetsAVisitTaskForItsTeam() {
    when(visits.plannedBy(anyString())).thenReturn(List.of(11L, 12L));

    morningComes();

    verifyJavaDelegateMock("planLocationVisitsDelegate").executed();
    List<Task> tasks = taskQuery().processDefinitionKey("VisitVulnerableLocations").list();
    Assertions.assertThat(tasks).hasSize(2);
    tasks.forEach(t -> isTeamWork(t, null, Instant.parse("2013-10-14T16:00:00Z"), 50));
    Assertions.assertThat(tasks)
        .extracting(t -> taskService().getVariable(t.getId(), "locationName"))
        .containsExactlyInAnyOrder("Home 11", "Home 12");

    tasks.forEach(t -> complete(t, Map.of("locationConcerns", "NONE")));
    verifyTaskListenerMock("locationVisitFormListener").executed(times(2));
    Assertions.assertThat(runEnded()).isTrue();
    Assertions.assertThat(passed("EndEvent_LocationsVisited")).isTrue();
  }

  @Test
  void aMorningWithNothingDueEndsAtOnceAndTheNextMorningComesAgain() {
    morningComes();
    Assertions.assertThat(runEnded()).isTrue();
    Assertions.assertThat(passed("Task_VisitVulnerableLocation")).isFalse();
    Assertions.assertThat(startTimer().getDuedate()).isEqualTo(Date.from(MONDAY_MORNING.plusSeconds(24 * 3600)));
  }

  private void morningComes() {
    Job timer = startTimer();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(MONDAY_MORNING));
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    execute(timer);
  }

  private static boolean runEnded() {
    return historyService().createHistoricProcessInstanceQuery().processDefinitionKey("VisitVulnerableLocations")
        .singleResult().getEndTime() != null;
  }

  private static boolean passed(String activityId) {
    return historyService().createHistoricActivityInstanceQuery().activityId(activityId).count() > 0;
  }

  private static Job startTimer() {
    return managementService().createJobQuery().timers().processDefinitionKey("VisitVulnerableLocations").singleResult();
  }
}
