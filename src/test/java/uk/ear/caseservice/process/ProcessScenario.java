package uk.ear.caseservice.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.Expressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import uk.ear.caseservice.policy.Deadlines;
import uk.ear.caseservice.policy.EngineClock;
import uk.ear.caseservice.policy.OutOfHours;
import uk.ear.caseservice.policy.TestEarProperties;
import uk.ear.caseservice.policy.WorkingCalendar;

/**
 * The small scenario layer of the engine-only process tests: one Preston case, the clock of the
 * contract's example call, and the steps every process shares (a task is done, a timer fires, the
 * workers app does its part). Each process test adds its own steps in the business's words.
 * Delegates and listeners are camunda-platform-7-mockito mocks; deadlines are real; no sleeps.
 */
public abstract class ProcessScenario {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Friday 4 October 2013, 17:42 BST: the contract's example call (EDT is on from 16:30 Fridays)
  public static final Instant REPORTED = Instant.parse("2013-10-04T16:42:00Z");
  public static final Instant NOW = REPORTED.plusSeconds(60);
  public static final Instant DUE = REPORTED.plusSeconds(3600);
  public static final Instant SECOND_ESCALATION = DUE.plusSeconds(3600);
  // close of business (17:00 BST) on the working days after Friday 4 October 2013
  public static final Instant MONDAY_COB = Instant.parse("2013-10-07T16:00:00Z");
  public static final Instant TUESDAY_COB = Instant.parse("2013-10-08T16:00:00Z");
  public static final Instant NEXT_FRIDAY_COB = Instant.parse("2013-10-11T16:00:00Z");
  public static final Duration WEEK = Duration.ofDays(7);
  public static final String CASE_REF = "EAR-2013-000001";
  public static final String TEAM = "PRESTON";
  public static final String TEAM_GROUP = "ear-preston";
  public static final String WORKER = "sw.preston1";
  public static final String MANAGER = "mgr.preston";
  public static final String EDT = "emergency-duty-team";

  protected TeamDirectory teams;
  /** The instance under test. */
  protected ProcessInstance pi;
  private final List<String> mockDeployments = new ArrayList<>();

  /**
   * The engine of a process test, asserting that the test class covers at least 95 % of its
   * processes' flow nodes and sequence flows.
   */
  public static ProcessEngineCoverageExtension engineWithCoverage() {
    return ProcessEngineCoverageExtension.builder()
        .configurationResource(ProcessTestEngine.CONFIGURATION)
        .assertClassCoverageAtLeast(0.95)
        .build();
  }

  @BeforeEach
  void scenarioEngine(ProcessEngine processEngine) {
    init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    var properties = TestEarProperties.london();
    WorkingCalendar calendar = new WorkingCalendar(Set.of());
    Expressions.registerInstance(
        "deadlines",
        new Deadlines(
            new EngineClock(LONDON), calendar, new OutOfHours(calendar, properties), properties));
    teams = Expressions.registerMockInstance("teamDirectory", TeamDirectory.class);
    when(teams.managersOf(TEAM)).thenReturn(List.of(MANAGER));
  }

  @AfterEach
  void scenarioReset() {
    mockDeployments.forEach(id -> repositoryService().deleteDeployment(id, true));
    Mocks.reset();
    ClockUtil.reset();
  }

  /** A called process replaced by a mock that waits for {@code message}, as the real one waits. */
  protected void calledProcessWaitsFor(String processKey, String message) {
    mockDeployments.add(
        org.camunda.community.mockito.ProcessExpressions.registerCallActivityMock(processKey)
            .onExecutionWaitForMessage(message)
            .deploy(processEngine())
            .getId());
  }

  // --- the steps every process shares ------------------------------------------------------------

  /**
   * A process the case calls starts, as its call activity starts it: the case reference as
   * business key, and the case's reference, team and allocated worker.
   */
  protected void calledByTheCase(String processKey, int priority) {
    calledByTheCase(processKey, priority, Map.of());
  }

  /** As {@link #calledByTheCase(String, int)}, with what else the case service sets at the start. */
  protected void calledByTheCase(String processKey, int priority, Map<String, Object> more) {
    Map<String, Object> vars = new java.util.HashMap<>(more);
    vars.putAll(
        Map.of(
            "caseRef", CASE_REF,
            "team", TEAM,
            "teamGroup", TEAM_GROUP,
            "allocatedWorker", WORKER,
            "priority", priority));
    pi = runtimeService().startProcessInstanceByKey(processKey, CASE_REF, vars);
  }

  /** The one open task of {@code key} in the case. */
  protected static Task taskAt(String key) {
    return taskQuery().processInstanceBusinessKey(CASE_REF).taskDefinitionKey(key).singleResult();
  }

  protected static void done(String taskKey, Map<String, Object> values) {
    complete(taskAt(taskKey), values);
  }

  protected static void done(String taskKey) {
    complete(taskAt(taskKey));
  }

  /** Lets the async continuation jobs (save points, external task creation) run. */
  protected void savePointsRun() {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list())
        .isEmpty()) {
      jobs.forEach(job -> execute(job));
    }
  }

  /** The workers app does every due task of {@code topic}: returns their {@code variable}. */
  protected List<String> workersDo(String topic, String variable) {
    savePointsRun();
    List<String> values = new ArrayList<>();
    for (LockedExternalTask locked :
        externalTaskService()
            .fetchAndLock(10, "worker")
            .topic(topic, 60_000L)
            .businessKey(CASE_REF)
            .execute()) {
      values.add(locked.getVariables().getValue(variable, String.class));
      externalTaskService().complete(locked.getId(), "worker");
    }
    return values;
  }

  /** The police update the workers app sends now: their events. */
  protected List<String> policeAreTold() {
    return workersDo("ear-police-update", "policeEvent");
  }

  /** The manager alerts the workers app mails now: their kinds. */
  protected List<String> managersAreAlerted() {
    return workersDo("ear-manager-alert", "alertKind");
  }

  protected static LockedExternalTask lockOne(String topic) {
    List<LockedExternalTask> locked =
        externalTaskService().fetchAndLock(10, "worker").topic(topic, 60_000L).execute();
    Assertions.assertThat(locked).hasSize(1);
    return locked.get(0);
  }

  /** The clock moves to when the timer on {@code activityId} is due, which must be then; it fires. */
  protected Job timerFires(String activityId, Instant expectedDue) {
    Job timer = timerAt(activityId);
    Assertions.assertThat(timer.getDuedate()).as(activityId).isEqualTo(Date.from(expectedDue));
    ClockUtil.setCurrentTime(Date.from(expectedDue));
    execute(timer);
    return timer;
  }

  protected Job timerAt(String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .activityId(activityId)
        .singleResult();
  }

  protected List<Job> timers() {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
  }

  /** The users offered the task by name. */
  protected static List<String> candidateUsers(Task task) {
    return candidates(task).stream().map(IdentityLink::getUserId).filter(u -> u != null).toList();
  }

  /** The groups offered the task. */
  protected static List<String> groups(Task task) {
    return candidates(task).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private static List<IdentityLink> candidates(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .toList();
  }

  /** A worker's task of the team: assigned to {@code worker}, the team can see it, with its due date. */
  protected static void isTeamWork(Task task, String worker, Instant due, int priority) {
    if (worker == null) {
      Assertions.assertThat(task.getAssignee()).isNull();
    } else {
      assertThat(task).isAssignedTo(worker);
    }
    Assertions.assertThat(groups(task)).containsExactly(TEAM_GROUP);
    assertThat(task).hasDueDate(Date.from(due));
    Assertions.assertThat(task.getPriority()).isEqualTo(priority);
  }

  /** A manager's task: offered to the team's managers by name, with its due date. */
  protected static void isManagersWork(Task task, Instant due, int priority) {
    Assertions.assertThat(candidateUsers(task)).containsExactly(MANAGER);
    assertThat(task).hasDueDate(Date.from(due));
    Assertions.assertThat(task.getPriority()).isEqualTo(priority);
  }

  /** How often {@code activityId} ran in the instance under test. */
  protected long timesPassed(String activityId) {
    return historyService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .count();
  }

  /** The value a variable of the instance under test last had (also after it ended). */
  protected Object lastValueOf(String variable) {
    var found =
        historyService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableName(variable)
            .list();
    return found.isEmpty() ? null : found.get(found.size() - 1).getValue();
  }
}
