package uk.ear.caseservice.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.assertj.core.api.Assertions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.policy.Deadlines;
import uk.ear.caseservice.policy.EarProperties;
import uk.ear.caseservice.policy.EngineClock;
import uk.ear.caseservice.policy.WorkingCalendar;

/**
 * EarlyActionCase on a bare engine: every route, the response-window timer and its escalation,
 * the repeat-incident message. Delegates and listeners are mocks; the case record is not here.
 */
@Deployment(
    resources = {
      "processes/EarlyActionCase.bpmn",
      "forms/RecordJointVisit.form",
      "forms/ReviewMissedResponse.form",
      "forms/AssessNeeds.form",
      "forms/ScreenCall.form",
      "forms/ReviewRepeatIncident.form"
    })
class EarlyActionCaseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder()
          .configurationResource(ProcessTestEngine.CONFIGURATION)
          .assertClassCoverageAtLeast(0.95)
          .build();

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Friday 4 October 2013, 17:42 BST: the contract's example call
  static final Instant REPORTED = Instant.parse("2013-10-04T16:42:00Z");
  static final Instant DUE = REPORTED.plusSeconds(3600);

  final JavaDelegate recordMissedResponse = mock(JavaDelegate.class);
  final JavaDelegate referOut = mock(JavaDelegate.class);
  final JavaDelegate closeCase = mock(JavaDelegate.class);
  final TaskListener jointVisitForm = mock(TaskListener.class);
  final TaskListener missedResponseForm = mock(TaskListener.class);
  final TaskListener assessmentForm = mock(TaskListener.class);
  final TaskListener screeningForm = mock(TaskListener.class);
  final TaskListener repeatIncidentForm = mock(TaskListener.class);
  final TeamDirectory teams = mock(TeamDirectory.class);

  @BeforeEach
  void registerBeans(ProcessEngine processEngine) {
    init(processEngine);
    ClockUtil.setCurrentTime(Date.from(REPORTED.plusSeconds(60)));
    EarProperties properties =
        new EarProperties(
            LONDON,
            List.of("PRESTON", "BURNLEY"),
            new EarProperties.WorkingDay(java.time.LocalTime.of(17, 0), List.of()),
            new EarProperties.Edt(null, null, null),
              new EarProperties.Support(java.time.Duration.ofDays(42), java.time.Duration.ofDays(7), 6),
            new EarProperties.Demo(false, false));
    Mocks.register(
        "deadlines", new Deadlines(new EngineClock(LONDON), new WorkingCalendar(Set.of()), properties));
    Mocks.register("teamDirectory", teams);
    when(teams.managersOf("PRESTON")).thenReturn(List.of("mgr.preston"));
    Mocks.register("recordMissedResponseDelegate", recordMissedResponse);
    Mocks.register("referOutDelegate", referOut);
    Mocks.register("closeCaseDelegate", closeCase);
    Mocks.register("jointVisitFormListener", jointVisitForm);
    Mocks.register("missedResponseFormListener", missedResponseForm);
    Mocks.register("assessmentFormListener", assessmentForm);
    Mocks.register("screeningFormListener", screeningForm);
    Mocks.register("repeatIncidentFormListener", repeatIncidentForm);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void jointVisitThenAssessmentClosesTheCase() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);

    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    assertThat(task()).hasCandidateGroup("ear-preston").hasDueDate(Date.from(DUE));
    Assertions.assertThat(task().getPriority()).isEqualTo(90);

    complete(task(), Map.of("riskLevel", "LOW"));
    verify(jointVisitForm).notify(any());
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    assertThat(task()).hasCandidateGroup("ear-preston");
    // five England and Wales working days after Friday 4 October 2013, at close of business
    Assertions.assertThat(task().getDueDate()).isEqualTo(Date.from(Instant.parse("2013-10-11T16:00:00Z")));

    complete(task(), Map.of("assessmentOutcome", "NO_FURTHER_ACTION"));
    verify(assessmentForm).notify(any());
    // closing is a save point: its own job, so a failure there does not undo the assessment
    assertThat(pi).isWaitingAt("Task_CloseCase");
    verifyNoInteractions(closeCase);
    execute(job());
    verify(closeCase).execute(any());
    assertThat(pi).hasPassedInOrder(
            "Task_RecordJointVisit", "Task_AssessNeeds", "Task_CloseCase", "EndEvent_CaseClosed")
        .isEnded();
    verifyNoInteractions(recordMissedResponse);
  }

  @Test
  void responseWindowMissedEscalatesToTheTeamManagerWithoutStoppingTheVisit() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);

    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(DUE));

    ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
    execute(timer);

    verify(recordMissedResponse).execute(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_RecordJointVisit", "Task_ReviewMissedResponse");
    var review = taskAt("Task_ReviewMissedResponse");
    Assertions.assertThat(candidateUsers(review.getId())).containsExactly("mgr.preston");
    Assertions.assertThat(review.getPriority()).isEqualTo(90);
    Assertions.assertThat(review.getDueDate()).isEqualTo(Date.from(DUE.plusSeconds(1 + 2 * 3600)));

    complete(review);
    verify(missedResponseForm).notify(any());
    assertThat(pi).hasPassed("EndEvent_MissedResponseReviewed").isWaitingAt("Task_RecordJointVisit");

    complete(taskAt("Task_RecordJointVisit"));
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
  }

  @Test
  void visitInTimeLeavesNoTimerBehind() {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    complete(task());
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
        .isZero();
  }

  @Test
  void deskScreeningForGradeFourIsDueWhenTheCaseSaysAndClosesTheCase() throws Exception {
    ProcessInstance pi = start("DESK_SCREENING", 4, 40);

    assertThat(pi).isWaitingAt("Task_ScreenCall");
    assertThat(task()).hasCandidateGroup("ear-preston").hasDueDate(Date.from(DUE));
    Assertions.assertThat(task().getPriority()).isEqualTo(40);

    complete(task(), Map.of("screeningOutcome", "NO_FURTHER_ACTION"));
    verify(screeningForm).notify(any());
    execute(job());
    verify(closeCase).execute(any());
    assertThat(pi).hasPassed("Task_ScreenCall", "EndEvent_CaseClosed").isEnded();
  }

  @Test
  void districtWithoutTeamIsReferredOut() throws Exception {
    Map<String, Object> vars = variables("REFERRED_OUT", 3, 60);
    vars.put("team", null);
    vars.put("teamGroup", null);
    vars.put("responseDueAt", null);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", "EAR-2013-000002", vars);

    verify(referOut).execute(any());
    assertThat(pi).hasPassed("Task_ReferToDistrictServices", "EndEvent_ReferredOut").isEnded();
  }

  @Test
  void repeatIncidentGivesTheAllocatedWorkerAReviewAndInterruptsNothing() {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    complete(task(), Map.of("allocatedWorker", "sw.preston1"));
    assertThat(pi).isWaitingAt("Task_AssessNeeds");

    Date repeatDue = Date.from(REPORTED.plusSeconds(7200));
    runtimeService()
        .createMessageCorrelation("RepeatIncidentReported")
        .processInstanceBusinessKey("EAR-2013-000001")
        .setVariablesToTriggeredScope(
            Map.of("repeatIncidentRef", "LC-2", "repeatResponseDueAt", repeatDue, "repeatPriority", 90))
        .correlate();

    assertThat(pi).isWaitingAt("Task_AssessNeeds", "Task_ReviewRepeatIncident");
    var review = taskAt("Task_ReviewRepeatIncident");
    assertThat(review).isAssignedTo("sw.preston1").hasDueDate(repeatDue);
    // the team can still see it (camunda-bpm-assert's hasCandidateGroup ignores assigned tasks)
    Assertions.assertThat(taskService().getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("ear-preston");
    Assertions.assertThat(review.getPriority()).isEqualTo(90);
    // the repeat's own values stay in its scope, the case's are untouched
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "repeatIncidentRef")).isNull();

    complete(review);
    verify(repeatIncidentForm).notify(any());
    assertThat(pi).hasPassed("EndEvent_RepeatIncidentReviewed").isWaitingAt("Task_AssessNeeds");
  }

  @Test
  void unknownRouteIsRefusedRatherThanLost() {
    Assertions.assertThatThrownBy(() -> start("SOMETHING_ELSE", 2, 90))
        .hasMessageContaining("Gateway_ChooseRoute");
  }

  private ProcessInstance start(String route, int grade, int priority) {
    return runtimeService()
        .startProcessInstanceByKey("EarlyActionCase", "EAR-2013-000001", variables(route, grade, priority));
  }

  private static Map<String, Object> variables(String route, int grade, int priority) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseRef", "EAR-2013-000001");
    vars.put("incidentRef", "LC-20131004-0421");
    vars.put("team", "PRESTON");
    vars.put("teamGroup", "ear-preston");
    vars.put("route", route);
    vars.put("grade", grade);
    vars.put("category", "MISSING_PERSON");
    vars.put("district", "PRESTON");
    vars.put("responseDueAt", Date.from(DUE));
    vars.put("priority", priority);
    vars.put("allocatedWorker", null);
    return vars;
  }

  private static org.camunda.bpm.engine.task.Task taskAt(String key) {
    return taskQuery().taskDefinitionKey(key).singleResult();
  }

  private static List<String> candidateUsers(String taskId) {
    return taskService().getIdentityLinksForTask(taskId).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId)
        .toList();
  }
}
