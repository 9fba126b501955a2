package uk.ear.caseservice.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static uk.ear.caseservice.process.EngineQueries.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.policy.Deadlines;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.policy.TestEarProperties;
import uk.ear.caseservice.policy.EngineClock;
import uk.ear.caseservice.policy.OutOfHours;
import uk.ear.caseservice.policy.WorkingCalendar;

/**
 * EarlyActionCase on a bare engine: every route and outcome of the case lifecycle, every timer and
 * escalation, the handover to core services, early closure and repeat incidents. Delegates and
 * listeners are mocks (some set the variables their real counterparts set); deadlines are real;
 * the case record is not here. No sleeps: the engine clock moves and jobs are executed by hand.
 */
@Deployment(
    resources = {
      "processes/EarlyActionCase.bpmn",
      "forms/ApproveClosure.form",
      "forms/ApproveEarlyClosure.form",
      "forms/ApproveExtension.form",
      "forms/AssessNeeds.form",
      "forms/ChaseHandover.form",
      "forms/ChooseAnotherService.form",
      "forms/ChooseReceivingServices.form",
      "forms/FixReceivingService.form",
      "forms/HoldStrategyDiscussion.form",
      "forms/RecordHandoverResponse.form",
      "forms/RecordJointVisit.form",
      "forms/RecordWeeklyReview.form",
      "forms/ReviewDeclinedHandover.form",
      "forms/ReviewMissedResponse.form",
      "forms/ReviewOutOfHoursVisit.form",
      "forms/ReviewOverdueVisit.form",
      "forms/ReviewRepeatIncident.form",
      "forms/ReviewSupportNearEnd.form",
      "forms/ScreenCall.form",
      "forms/WriteSupportPlan.form"
    })
class EarlyActionCaseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder()
          .configurationResource(ProcessTestEngine.CONFIGURATION)
          .assertClassCoverageAtLeast(0.95)
          .build();

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Friday 4 October 2013, 17:42 BST: the contract's example call (the Emergency Duty Team is on
  // from 16:30 on Fridays)
  static final Instant REPORTED = Instant.parse("2013-10-04T16:42:00Z");
  static final Instant NOW = REPORTED.plusSeconds(60);
  static final Instant DUE = REPORTED.plusSeconds(3600);
  static final Instant SECOND_ESCALATION = DUE.plusSeconds(3600);
  // close of business (17:00 BST) on the working days after Friday 4 October 2013
  static final Instant MONDAY_COB = Instant.parse("2013-10-07T16:00:00Z");
  static final Instant TUESDAY_COB = Instant.parse("2013-10-08T16:00:00Z");
  static final Instant NEXT_FRIDAY_COB = Instant.parse("2013-10-11T16:00:00Z");
  static final Duration SUPPORT = Duration.ofDays(42);
  static final Duration REVIEW_BEFORE_END = Duration.ofDays(7);
  static final Duration WEEK = Duration.ofDays(7);
  static final String BUSINESS_KEY = "EAR-2013-000001";
  static final String WORKER = "sw.preston1";
  static final String MANAGER = "mgr.preston";
  static final String EDT = "emergency-duty-team";

  final JavaDelegate recordMissedResponse = mock(JavaDelegate.class);
  final JavaDelegate referOut = mock(JavaDelegate.class);
  final JavaDelegate closeCase = mock(JavaDelegate.class);
  final JavaDelegate extendSupport = mock(JavaDelegate.class);
  final JavaDelegate startIntensiveSupport = mock(JavaDelegate.class);
  final JavaDelegate startHandover = mock(JavaDelegate.class);
  final TaskListener jointVisitForm = mock(TaskListener.class);
  final TaskListener missedResponseForm = mock(TaskListener.class);
  final TaskListener overdueVisitForm = mock(TaskListener.class);
  final TaskListener outOfHoursReviewForm = mock(TaskListener.class);
  final TaskListener assessmentForm = mock(TaskListener.class);
  final TaskListener screeningForm = mock(TaskListener.class);
  final TaskListener repeatIncidentForm = mock(TaskListener.class);
  final TaskListener closureApprovalForm = mock(TaskListener.class);
  final TaskListener strategyDiscussionForm = mock(TaskListener.class);
  final TaskListener supportPlanForm = mock(TaskListener.class);
  final TaskListener weeklyReviewForm = mock(TaskListener.class);
  final TaskListener supportReviewForm = mock(TaskListener.class);
  final TaskListener extensionApprovalForm = mock(TaskListener.class);
  final TaskListener handoverChoiceForm = mock(TaskListener.class);
  final TaskListener handoverResponseForm = mock(TaskListener.class);
  final TaskListener chaseHandoverForm = mock(TaskListener.class);
  final TaskListener declinedHandoverForm = mock(TaskListener.class);
  final TaskListener fixReceivingServiceForm = mock(TaskListener.class);
  final TaskListener anotherServiceForm = mock(TaskListener.class);
  final TaskListener earlyClosureApprovalForm = mock(TaskListener.class);
  final TeamDirectory teams = mock(TeamDirectory.class);
  final Allocation allocation = mock(Allocation.class);
  Deadlines deadlines;

  /** What the visit listener decides (the real one knows when the visit was made). */
  boolean visitedOutOfHours = false;
  /** The closure reasons the case was closed with, in order. */
  final List<Object> closedWithReason = new ArrayList<>();

  @BeforeEach
  void registerBeans(ProcessEngine processEngine) throws Exception {
    init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    EarProperties properties =
        TestEarProperties.london();
    WorkingCalendar calendar = new WorkingCalendar(Set.of());
    deadlines =
        new Deadlines(new EngineClock(LONDON), calendar, new OutOfHours(calendar, properties), properties);
    Mocks.register("deadlines", deadlines);
    Mocks.register("teamDirectory", teams);
    when(teams.managersOf("PRESTON")).thenReturn(List.of(MANAGER));
    Mocks.register("allocation", allocation);
    when(allocation.candidateGroupFor("ear-preston")).thenReturn("ear-preston");

    // the visit listener sets who visited and whether it was out of hours
    doAnswer(
            call -> {
              DelegateTask task = call.getArgument(0);
              if (task.getVariable("allocatedWorker") == null) {
                task.setVariable("allocatedWorker", WORKER);
              }
              task.setVariable("visitedOutOfHours", visitedOutOfHours);
              return null;
            })
        .when(jointVisitForm)
        .notify(any());
    // the start of intensive support sets when it ends and when its closing review is due
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              Instant now = ClockUtil.getCurrentTime().toInstant();
              execution.setVariable("supportEndsAt", Date.from(now.plus(SUPPORT)));
              execution.setVariable(
                  "supportReviewAt", Date.from(now.plus(SUPPORT).minus(REVIEW_BEFORE_END)));
              return null;
            })
        .when(startIntensiveSupport)
        .execute(any());
    // an approved extension moves both dates by the weeks asked for, once
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              Duration extension = WEEK.multipliedBy((Integer) execution.getVariable("extensionWeeks"));
              execution.setVariable(
                  "supportEndsAt",
                  Date.from(((Date) execution.getVariable("supportEndsAt")).toInstant().plus(extension)));
              execution.setVariable(
                  "supportReviewAt",
                  Date.from(((Date) execution.getVariable("supportReviewAt")).toInstant().plus(extension)));
              execution.setVariable("supportExtended", true);
              return null;
            })
        .when(extendSupport)
        .execute(any());
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              closedWithReason.add(execution.getVariable("closureReason"));
              return null;
            })
        .when(closeCase)
        .execute(any());

    Mocks.register("recordMissedResponseDelegate", recordMissedResponse);
    Mocks.register("referOutDelegate", referOut);
    Mocks.register("closeCaseDelegate", closeCase);
    Mocks.register("extendSupportDelegate", extendSupport);
    Mocks.register("startIntensiveSupportDelegate", startIntensiveSupport);
    Mocks.register("startHandoverDelegate", startHandover);
    Mocks.register("jointVisitFormListener", jointVisitForm);
    Mocks.register("missedResponseFormListener", missedResponseForm);
    Mocks.register("overdueVisitFormListener", overdueVisitForm);
    Mocks.register("outOfHoursReviewFormListener", outOfHoursReviewForm);
    Mocks.register("assessmentFormListener", assessmentForm);
    Mocks.register("screeningFormListener", screeningForm);
    Mocks.register("repeatIncidentFormListener", repeatIncidentForm);
    Mocks.register("closureApprovalFormListener", closureApprovalForm);
    Mocks.register("strategyDiscussionFormListener", strategyDiscussionForm);
    Mocks.register("supportPlanFormListener", supportPlanForm);
    Mocks.register("weeklyReviewFormListener", weeklyReviewForm);
    Mocks.register("supportReviewFormListener", supportReviewForm);
    Mocks.register("extensionApprovalFormListener", extensionApprovalForm);
    Mocks.register("handoverChoiceFormListener", handoverChoiceForm);
    Mocks.register("handoverResponseFormListener", handoverResponseForm);
    Mocks.register("chaseHandoverFormListener", chaseHandoverForm);
    Mocks.register("declinedHandoverFormListener", declinedHandoverForm);
    Mocks.register("fixReceivingServiceFormListener", fixReceivingServiceForm);
    Mocks.register("anotherServiceFormListener", anotherServiceForm);
    Mocks.register("earlyClosureApprovalFormListener", earlyClosureApprovalForm);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- joint visit, assessment, closure ----------------------------------------------------------

  @Test
  void jointVisitThenNoFurtherActionForAnAdultClosesTheCaseAndTellsThePolice() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);

    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    assertThat(task()).hasCandidateGroup("ear-preston").hasDueDate(Date.from(DUE));
    Assertions.assertThat(task().getPriority()).isEqualTo(90);
    verify(allocation).candidateGroupFor("ear-preston");

    // the police hear of the case at once, without the visit waiting for their system
    assertThat(pi).isWaitingAt("Task_RecordJointVisit", "Task_NotifyPoliceOfNewCase");
    Assertions.assertThat(policeAreTold(pi)).containsExactly("ATTACHED");

    complete(task(), Map.of("riskLevel", "LOW"));
    verify(jointVisitForm).notify(any());
    assertThat(pi)
        .isWaitingAt("Task_AssessNeeds", "Task_NotifyPoliceOfVisit")
        .hasPassed("Gateway_VisitRecorded", "Gateway_VisitedOutOfHours")
        .hasNotPassed("Task_ReviewOutOfHoursVisit");
    Assertions.assertThat(policeAreTold(pi)).containsExactly("VISITED");
    assertThat(task()).hasCandidateGroup("ear-preston").hasDueDate(Date.from(NEXT_FRIDAY_COB));
    Assertions.assertThat(task().getPriority()).isEqualTo(90);

    complete(task(), Map.of("assessmentOutcome", "NO_FURTHER_ACTION"));
    verify(assessmentForm).notify(any());
    // closing is a save point: its own job, so a failure there does not undo the assessment
    assertThat(pi).isWaitingAt("Task_CloseCase");
    verifyNoInteractions(closeCase);
    runAsyncJobs(pi);
    verify(closeCase).execute(any());
    // the path says why the case closes
    Assertions.assertThat(closedWithReason).containsExactly("NO_FURTHER_ACTION");

    assertThat(pi).isWaitingAt("Task_NotifyPoliceOfClosure");
    LockedExternalTask police = lockOne("ear-police-update");
    Assertions.assertThat(police.getVariables().getValue("policeEvent", String.class)).isEqualTo("CLOSED");
    Assertions.assertThat(police.getBusinessKey()).isEqualTo(BUSINESS_KEY);
    externalTaskService().complete(police.getId(), "worker");

    assertThat(pi)
        .hasPassedInOrder(
            "Task_RecordJointVisit",
            "Task_AssessNeeds",
            "Gateway_ChildInvolved",
            "Gateway_CaseEnds",
            "Task_CloseCase",
            "Task_NotifyPoliceOfClosure",
            "EndEvent_CaseClosed")
        .hasNotPassed("Task_ApproveClosure")
        .isEnded();
    verifyNoInteractions(recordMissedResponse, startIntensiveSupport, startHandover);
  }

  @Test
  void noFurtherActionForAChildNeedsAManagerToApproveTheClosure() throws Exception {
    ProcessInstance pi = startWithChild();
    visit();
    assess("NO_FURTHER_ACTION");

    assertThat(pi).isWaitingAt("Task_ApproveClosure");
    Task approval = task();
    Assertions.assertThat(candidateUsers(approval)).containsExactly(MANAGER);
    assertThat(approval).hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(approval.getPriority()).isEqualTo(90);

    complete(approval, Map.of("closureDecision", "APPROVE"));
    verify(closureApprovalForm).notify(any());
    finishClosing(pi);
    assertThat(pi).hasPassed("Gateway_ClosureApproved", "Gateway_ClosureAgreed").isEnded();
  }

  @Test
  void refusedClosureForAChildGoesBackToTheAssessment() throws Exception {
    ProcessInstance pi = startWithChild();
    visit();
    assess("NO_FURTHER_ACTION");

    complete(taskAt("Task_ApproveClosure"), Map.of("closureDecision", "REFUSE"));

    // the link events (Reassess needs) leave no activity instance of their own in Camunda 7
    assertThat(pi)
        .hasPassedInOrder("Task_AssessNeeds", "Task_ApproveClosure", "Gateway_AssessmentStarts")
        .isWaitingAt("Task_AssessNeeds")
        .hasNotPassed("Task_CloseCase");
    Assertions.assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("Task_AssessNeeds")
                .count())
        .isEqualTo(2);
    assertThat(task()).hasCandidateGroup("ear-preston");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_AssessNeeds").count()).isOne();

    // reassessed: intensive support this time
    assess("INTENSIVE_SUPPORT");
    assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
  }

  // --- out of hours, escalations -----------------------------------------------------------------

  @Test
  void outOfHoursTheEmergencyDutyTeamVisitsAndTheMorningTeamReviewsWhatItDid() throws Exception {
    when(allocation.candidateGroupFor("ear-preston")).thenReturn(EDT);
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);

    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    assertThat(task()).hasCandidateGroup(EDT).hasDueDate(Date.from(DUE));
    Assertions.assertThat(groups(task())).containsExactly(EDT);

    visitedOutOfHours = true;
    complete(task(), Map.of("allocatedWorker", "edt.duty"));

    assertThat(pi).isWaitingAt("Task_ReviewOutOfHoursVisit");
    Task review = task();
    Assertions.assertThat(groups(review)).containsExactly("ear-preston");
    // Friday evening: the team is on duty again on Monday at 08:45 BST, plus two hours
    assertThat(review).hasDueDate(Date.from(Instant.parse("2013-10-07T09:45:00Z")));
    Assertions.assertThat(review.getPriority()).isEqualTo(90);

    complete(review);
    verify(outOfHoursReviewForm).notify(any());
    assertThat(pi).hasPassed("Gateway_VisitDone").isWaitingAt("Task_AssessNeeds");
  }

  @Test
  void responseWindowMissedEscalatesToTheTeamManagerWithoutStoppingTheVisit() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);

    Job timer = timerAt(pi, "BoundaryEvent_ResponseWindowMissed");
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(DUE));

    ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
    execute(timer);

    verify(recordMissedResponse).execute(any(DelegateExecution.class));
    assertThat(pi)
        .isWaitingAt("Task_RecordJointVisit", "Task_ReviewMissedResponse", "Task_AlertManagerToMissedResponse");
    // the duty manager gets a mail as well as the Tasklist task; neither waits for the other
    Assertions.assertThat(managersAreAlerted(pi)).containsExactly("RESPONSE_WINDOW_MISSED");
    assertThat(pi).hasPassed("EndEvent_ManagerAlertedToMissedResponse");
    var review = taskAt("Task_ReviewMissedResponse");
    Assertions.assertThat(candidateUsers(review)).containsExactly(MANAGER);
    Assertions.assertThat(review.getPriority()).isEqualTo(90);
    Assertions.assertThat(review.getDueDate()).isEqualTo(Date.from(DUE.plusSeconds(1 + 2 * 3600)));

    complete(review);
    verify(missedResponseForm).notify(any());
    assertThat(pi).hasPassed("EndEvent_MissedResponseReviewed").isWaitingAt("Task_RecordJointVisit");

    complete(taskAt("Task_RecordJointVisit"));
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
  }

  @Test
  void visitStillOverdueAfterTheSecondEscalationTimeReachesAllManagers() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);

    ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
    execute(timerAt(pi, "BoundaryEvent_ResponseWindowMissed"));
    Job second = timerAt(pi, "BoundaryEvent_VisitStillOverdue");
    Assertions.assertThat(second.getDuedate()).isEqualTo(Date.from(SECOND_ESCALATION));

    ClockUtil.setCurrentTime(Date.from(SECOND_ESCALATION.plusSeconds(1)));
    execute(second);

    assertThat(pi)
        .isWaitingAt("Task_RecordJointVisit", "Task_ReviewMissedResponse", "Task_ReviewOverdueVisit");
    Assertions.assertThat(managersAreAlerted(pi))
        .containsExactlyInAnyOrder("RESPONSE_WINDOW_MISSED", "VISIT_STILL_OVERDUE");
    assertThat(pi).hasPassed("EndEvent_ManagersAlertedToOverdueVisit");
    Task overdue = taskAt("Task_ReviewOverdueVisit");
    Assertions.assertThat(groups(overdue)).containsExactly("ear-managers");
    Assertions.assertThat(candidateUsers(overdue)).isEmpty();
    assertThat(overdue).hasDueDate(Date.from(SECOND_ESCALATION.plusSeconds(1 + 3600)));
    Assertions.assertThat(overdue.getPriority()).isEqualTo(90);

    complete(overdue, Map.of("overdueAction", "ALLOCATED_ANOTHER_WORKER"));
    verify(overdueVisitForm).notify(any());
    assertThat(pi)
        .hasPassed("EndEvent_OverdueVisitReviewed")
        .isWaitingAt("Task_RecordJointVisit", "Task_ReviewMissedResponse");

    complete(taskAt("Task_RecordJointVisit"));
    assertThat(pi).isWaitingAt("Task_ReviewMissedResponse", "Task_AssessNeeds");
    Assertions.assertThat(timers(pi)).isEmpty();
  }

  @Test
  void visitInTimeLeavesNoTimerBehind() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    Assertions.assertThat(timers(pi)).hasSize(2);
    complete(task());
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(timers(pi)).isEmpty();
  }

  // --- desk screening, referral out --------------------------------------------------------------

  @Test
  void deskScreeningForGradeFourClosesWithoutApproval() throws Exception {
    Map<String, Object> vars = variables("DESK_SCREENING", 4, 40);
    vars.put("secondEscalationAt", null);
    vars.put("childInvolved", true);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", BUSINESS_KEY, vars);

    assertThat(pi).isWaitingAt("Task_ScreenCall");
    assertThat(task()).hasCandidateGroup("ear-preston").hasDueDate(Date.from(DUE));
    Assertions.assertThat(task().getPriority()).isEqualTo(40);
    verify(allocation).candidateGroupFor("ear-preston");
    Assertions.assertThat(timers(pi)).isEmpty();

    complete(task(), Map.of("screeningOutcome", "NO_FURTHER_ACTION"));
    verify(screeningForm).notify(any());
    finishClosing(pi);
    assertThat(pi)
        .hasPassed("Task_ScreenCall", "Gateway_ScreeningOutcome", "EndEvent_CaseClosed")
        .hasNotPassed("Gateway_HandoverNeeded", "Task_ApproveClosure")
        .isEnded();
  }

  @Test
  void deskScreeningCanReferOnToTheHandover() throws Exception {
    Map<String, Object> vars = variables("DESK_SCREENING", 4, 40);
    vars.put("secondEscalationAt", null);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", BUSINESS_KEY, vars);

    complete(taskAt("Task_ScreenCall"), Map.of("screeningOutcome", "REFER_ON"));

    assertThat(pi).hasPassed("Gateway_HandoverNeeded").isWaitingAt("Task_ChooseReceivingServices");
    // nobody visited, so the team chooses
    Task choose = task();
    Assertions.assertThat(choose.getAssignee()).isNull();
    assertThat(choose).hasCandidateGroup("ear-preston").hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(choose.getPriority()).isEqualTo(40);
  }

  @Test
  void districtWithoutTeamIsReferredOut() throws Exception {
    Map<String, Object> vars = variables("REFERRED_OUT", 3, 60);
    vars.put("team", null);
    vars.put("teamGroup", null);
    vars.put("responseDueAt", null);
    vars.put("secondEscalationAt", null);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", "EAR-2013-000002", vars);

    verify(referOut).execute(any());
    assertThat(pi).hasPassed("Task_ReferToDistrictServices", "EndEvent_ReferredOut");
    // the police learn the case reference (its stage says it was referred out)
    Assertions.assertThat(policeAreTold(pi)).containsExactly("ATTACHED");
    assertThat(pi).isEnded();
  }

  @Test
  void unknownRouteIsRefusedRatherThanLost() {
    Assertions.assertThatThrownBy(() -> start("SOMETHING_ELSE", 2, 90))
        .hasMessageContaining("Gateway_ChooseRoute");
  }

  // --- safeguarding ------------------------------------------------------------------------------

  @Test
  void safeguardingReferralHoldsAStrategyDiscussionThenHandsOver() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("SAFEGUARDING_REFERRAL");

    assertThat(pi).isWaitingAt("Task_HoldStrategyDiscussion");
    Task strategy = task();
    assertThat(strategy).isAssignedTo(WORKER).hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(groups(strategy)).containsExactly("ear-preston");
    Assertions.assertThat(strategy.getPriority()).isEqualTo(60);

    complete(
        strategy,
        Map.of("safeguardingRoute", "CHILDRENS_SAFEGUARDING", "strategyOutcome", "HANDOVER"));
    verify(strategyDiscussionForm).notify(any());
    assertThat(pi).hasPassed("Gateway_HandoverNeeded").isWaitingAt("Task_ChooseReceivingServices");
    verify(startHandover).execute(any());
    assertThat(task()).isAssignedTo(WORKER);
  }

  @Test
  void safeguardingReferralCanLeadToIntensiveSupport() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("SAFEGUARDING_REFERRAL");

    complete(
        taskAt("Task_HoldStrategyDiscussion"),
        Map.of("safeguardingRoute", "ADULTS_SAFEGUARDING", "strategyOutcome", "INTENSIVE_SUPPORT"));

    assertThat(pi).hasPassed("Gateway_IntensiveSupportStarts").isWaitingAt("Task_WriteSupportPlan");
    verify(startIntensiveSupport).execute(any());
  }

  // --- intensive support -------------------------------------------------------------------------

  @Test
  void intensiveSupportHasAPlanWeeklyReviewsAndAReviewBeforeItEndsThenHandsOver() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    visit();
    assess("INTENSIVE_SUPPORT");

    assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
    verify(startIntensiveSupport).execute(any());
    Task plan = task();
    assertThat(plan).isAssignedTo(WORKER).hasDueDate(Date.from(TUESDAY_COB));
    Assertions.assertThat(groups(plan)).containsExactly("ear-preston");
    Assertions.assertThat(plan.getPriority()).isEqualTo(90);
    complete(plan, Map.of("supportGoals", "g", "supportPlanNotes", "n"));
    verify(supportPlanForm).notify(any());

    assertThat(pi).isWaitingAt("Event_SupportReviewDue");
    Assertions.assertThat(timerAt(pi, "Event_SupportReviewDue").getDuedate())
        .isEqualTo(Date.from(NOW.plus(SUPPORT).minus(REVIEW_BEFORE_END)));

    // week one and week two: a review task each, the support carries on
    Instant week1 = weeklyReviewFires(pi, NOW.plus(WEEK));
    Task review1 = task();
    assertThat(review1).isAssignedTo(WORKER);
    Assertions.assertThat(groups(review1)).containsExactly("ear-preston");
    // Friday 11 October 17:43 BST: two working days later is Tuesday 15 October, 17:00 BST
    assertThat(review1).hasDueDate(Date.from(Instant.parse("2013-10-15T16:00:00Z")));
    Assertions.assertThat(review1.getPriority()).isEqualTo(90);
    completeWeeklyReview(review1);
    assertThat(pi).isWaitingAt("Event_SupportReviewDue");

    weeklyReviewFires(pi, week1.plus(WEEK));
    completeWeeklyReview(task());
    verify(weeklyReviewForm, times(2)).notify(any());
    assertThat(pi).hasPassed("EndEvent_WeeklyReviewRecorded").isWaitingAt("Event_SupportReviewDue");

    // a week before the end the closing review is due, and the weekly reviews stop
    reviewBeforeEndFires(pi, NOW.plus(SUPPORT).minus(REVIEW_BEFORE_END));
    Task nearEnd = task();
    assertThat(nearEnd).isAssignedTo(WORKER).hasDueDate(Date.from(NOW.plus(SUPPORT)));
    Assertions.assertThat(groups(nearEnd)).containsExactly("ear-preston");
    Assertions.assertThat(nearEnd.getPriority()).isEqualTo(90);
    Assertions.assertThat(timers(pi)).isEmpty();

    complete(nearEnd, Map.of("supportReviewOutcome", "HANDOVER"));
    verify(supportReviewForm).notify(any());
    assertThat(pi)
        .hasPassed("EndEvent_SupportEndedForHandover", "Gateway_SupportOutcome", "Gateway_HandoverStarts")
        .hasNotPassed("Task_ApproveClosure")
        .isWaitingAt("Task_ChooseReceivingServices");
  }

  @Test
  void approvedExtensionRunsTheSupportPeriodAgainFromTheMovedDates() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    toReviewBeforeSupportEnds(pi);

    complete(task(), Map.of("supportReviewOutcome", "EXTEND", "extensionWeeks", 4));
    assertThat(pi).isWaitingAt("Task_ApproveExtension");
    Task approval = task();
    Assertions.assertThat(candidateUsers(approval)).containsExactly(MANAGER);
    Assertions.assertThat(approval.getPriority()).isEqualTo(90);
    // asked for on Friday 8 November 2013 (GMT now): due Monday 11 November, 17:00
    assertThat(approval).hasDueDate(Date.from(Instant.parse("2013-11-11T17:00:00Z")));

    complete(approval, Map.of("extensionDecision", "APPROVE"));
    verify(extensionApprovalForm).notify(any());
    verify(extendSupport).execute(any());
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "supportExtended")).isEqualTo(true);

    // back in the support period, with the closing review four weeks later
    Instant movedReview = NOW.plus(SUPPORT).minus(REVIEW_BEFORE_END).plus(WEEK.multipliedBy(4));
    assertThat(pi).isWaitingAt("Event_SupportReviewDue");
    Assertions.assertThat(timerAt(pi, "Event_SupportReviewDue").getDuedate()).isEqualTo(Date.from(movedReview));
    weeklyReviewFires(pi, ClockUtil.getCurrentTime().toInstant().plus(WEEK));
    completeWeeklyReview(task());

    reviewBeforeEndFires(pi, movedReview);
    assertThat(task()).hasDueDate(Date.from(NOW.plus(SUPPORT).plus(WEEK.multipliedBy(4))));
    // the model does not offer a second extension: the listener refuses EXTEND once extended
    complete(task(), Map.of("supportReviewOutcome", "HANDOVER"));
    assertThat(pi)
        .hasPassed("Task_ExtendSupport", "EndEvent_SupportEndedForHandover")
        .isWaitingAt("Task_ChooseReceivingServices");
    Assertions.assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("SubProcess_SupportPeriod")
                .count())
        .isEqualTo(2);
  }

  @Test
  void refusedExtensionEndsTheSupportAndHandsOver() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    toReviewBeforeSupportEnds(pi);

    complete(task(), Map.of("supportReviewOutcome", "EXTEND", "extensionWeeks", 6));
    complete(taskAt("Task_ApproveExtension"), Map.of("extensionDecision", "REFUSE"));

    verifyNoInteractions(extendSupport);
    assertThat(pi)
        .hasPassed("EndEvent_ExtensionRefused", "Gateway_HandoverStarts")
        .isWaitingAt("Task_ChooseReceivingServices");
  }

  @Test
  void closingAfterIntensiveSupportNeedsAManagerToApprove() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    toReviewBeforeSupportEnds(pi);

    complete(task(), Map.of("supportReviewOutcome", "CLOSE"));

    assertThat(pi)
        .hasPassed("EndEvent_SupportEndedForClosure", "Gateway_ClosureApprovalStarts")
        .isWaitingAt("Task_ApproveClosure");
    Assertions.assertThat(candidateUsers(task())).containsExactly(MANAGER);
    complete(task(), Map.of("closureDecision", "APPROVE"));
    finishClosing(pi);
    assertThat(pi).hasNotPassed("SubProcess_Handover").isEnded();
    Assertions.assertThat(closedWithReason).containsExactly("SUPPORT_COMPLETED");
  }

  @Test
  void aRefusedClosureAfterSupportThenNoFurtherActionClosesAsNoFurtherAction() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    toReviewBeforeSupportEnds(pi);
    complete(task(), Map.of("supportReviewOutcome", "CLOSE"));
    // the manager does not agree the support is done: the case is assessed again
    complete(taskAt("Task_ApproveClosure"), Map.of("closureDecision", "REFUSE"));

    assess("NO_FURTHER_ACTION");

    finishClosing(pi);
    Assertions.assertThat(closedWithReason).containsExactly("NO_FURTHER_ACTION");
  }

  // --- handover ----------------------------------------------------------------------------------

  @Test
  void referOnHandsOverToEveryChosenServiceAndClosesAsHandedOver() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");

    assertThat(pi).isWaitingAt("Task_ChooseReceivingServices");
    verify(startHandover).execute(any());
    Task choose = task();
    assertThat(choose).isAssignedTo(WORKER).hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(groups(choose)).containsExactly("ear-preston");
    Assertions.assertThat(choose.getPriority()).isEqualTo(60);

    chooseServices("EARLY_HELP", "ADULT_SOCIAL_CARE");
    verify(handoverChoiceForm).notify(any());

    // one pack per service, each sent in the background
    Assertions.assertThat(sendPacks(pi)).containsExactlyInAnyOrder("EARLY_HELP", "ADULT_SOCIAL_CARE");
    List<Task> responses = taskQuery().taskDefinitionKey("Task_RecordHandoverResponse").list();
    Assertions.assertThat(responses).hasSize(2);
    for (Task response : responses) {
      assertThat(response).isAssignedTo(WORKER).hasDueDate(Date.from(NEXT_FRIDAY_COB));
      Assertions.assertThat(groups(response)).containsExactly("ear-preston");
      Assertions.assertThat(response.getPriority()).isEqualTo(60);
    }
    Assertions.assertThat(
            responses.stream().map(t -> taskService().getVariable(t.getId(), "receivingService")))
        .containsExactlyInAnyOrder("EARLY_HELP", "ADULT_SOCIAL_CARE");

    complete(responses.get(0), Map.of("handoverResponse", "ACCEPTED"));
    // each service keeps its own answer: nothing is shared at case level
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "handoverResponse")).isNull();
    assertThat(pi).isWaitingAt("Task_RecordHandoverResponse");
    complete(responses.get(1), Map.of("handoverResponse", "ACCEPTED"));
    verify(handoverResponseForm, times(2)).notify(any());

    assertThat(pi).hasPassed("EndEvent_HandoverAccepted", "EndEvent_HandoverDone").isWaitingAt("Task_CloseCase");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "closureReason")).isEqualTo("HANDED_OVER");
    finishClosing(pi);
    Assertions.assertThat(closedWithReason).containsExactly("HANDED_OVER");
    assertThat(pi).hasPassed("EndEvent_CaseClosed").isEnded();
  }

  @Test
  void unacknowledgedHandoverIsChasedAndTheManagerAlertedAfterFiveWorkingDays() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");
    chooseServices("CONNECT_4_LIFE");
    sendPacks(pi);

    Job unanswered = timerAt(pi, "BoundaryEvent_HandoverUnacknowledged");
    Assertions.assertThat(unanswered.getDuedate()).isEqualTo(Date.from(NEXT_FRIDAY_COB));
    ClockUtil.setCurrentTime(Date.from(NEXT_FRIDAY_COB.plusSeconds(1)));
    execute(unanswered);

    assertThat(pi).isWaitingAt("Task_RecordHandoverResponse", "Task_ChaseHandover", "Task_AlertManagerToHandover");
    Task chase = taskAt("Task_ChaseHandover");
    assertThat(chase).isAssignedTo(WORKER);
    Assertions.assertThat(groups(chase)).containsExactly("ear-preston");
    // Friday 11 October after 17:00: the next working day is Monday 14 October
    assertThat(chase).hasDueDate(Date.from(Instant.parse("2013-10-14T16:00:00Z")));
    Assertions.assertThat(chase.getPriority()).isEqualTo(60);

    runAsyncJobs(pi);
    LockedExternalTask alert = lockOne("ear-manager-alert");
    Assertions.assertThat(alert.getVariables().getValue("alertKind", String.class))
        .isEqualTo("HANDOVER_UNACKNOWLEDGED");
    Assertions.assertThat(alert.getVariables().getValue("receivingService", String.class))
        .isEqualTo("CONNECT_4_LIFE");
    externalTaskService().complete(alert.getId(), "worker");
    complete(chase, Map.of("chaseNotes", "phoned"));
    verify(chaseHandoverForm).notify(any());

    assertThat(pi).hasPassed("EndEvent_HandoverChased").isWaitingAt("Task_RecordHandoverResponse");
    complete(taskAt("Task_RecordHandoverResponse"), Map.of("handoverResponse", "ACCEPTED"));
    assertThat(pi).isWaitingAt("Task_CloseCase");
  }

  @Test
  void declinedHandoverGoesToTheManagerWhoMayGoOnWithoutIt() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");
    chooseServices("EDGE_OF_CARE");
    sendPacks(pi);

    complete(taskAt("Task_RecordHandoverResponse"), Map.of("handoverResponse", "DECLINED"));

    assertThat(pi).isWaitingAt("Task_ReviewDeclinedHandover");
    Task review = task();
    Assertions.assertThat(candidateUsers(review)).containsExactly(MANAGER);
    assertThat(review).hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(review.getPriority()).isEqualTo(60);

    complete(review, Map.of("declinedHandoverAction", "CLOSE_WITHOUT_HANDOVER"));
    verify(declinedHandoverForm).notify(any());
    assertThat(pi).hasPassed("EndEvent_HandoverNotMade").isWaitingAt("Task_CloseCase");
  }

  @Test
  void declinedHandoverCanGoToAnotherServiceInstead() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");
    chooseServices("EDGE_OF_CARE", "EARLY_HELP");
    sendPacks(pi);

    Task edgeOfCare = responseFrom("EDGE_OF_CARE");
    complete(edgeOfCare, Map.of("handoverResponse", "DECLINED"));
    complete(taskAt("Task_ReviewDeclinedHandover"), Map.of("declinedHandoverAction", "CHOOSE_ANOTHER_SERVICE"));

    assertThat(pi).isWaitingAt("Task_ChooseAnotherService", "Task_RecordHandoverResponse");
    Task another = taskAt("Task_ChooseAnotherService");
    assertThat(another).isAssignedTo(WORKER).hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(groups(another)).containsExactly("ear-preston");
    Assertions.assertThat(another.getPriority()).isEqualTo(60);
    complete(another, Map.of("receivingService", "CHILDRENS_SOCIAL_CARE"));
    verify(anotherServiceForm).notify(any());

    // the pack goes to the new service; the other handover is untouched
    Assertions.assertThat(sendPacks(pi)).containsExactly("CHILDRENS_SOCIAL_CARE");
    complete(responseFrom("CHILDRENS_SOCIAL_CARE"), Map.of("handoverResponse", "ACCEPTED"));
    complete(responseFrom("EARLY_HELP"), Map.of("handoverResponse", "ACCEPTED"));
    assertThat(pi).hasPassed("Task_ChooseAnotherService").isWaitingAt("Task_CloseCase");
  }

  @Test
  void unknownReceivingServiceGoesToAManagerToFixThenThePackIsSentAgain() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");
    chooseServices("YOUTH_OFFENDING_TEAM");
    runAsyncJobs(pi);

    LockedExternalTask pack = lockOne("ear-handover-pack");
    externalTaskService().handleBpmnError(pack.getId(), "worker", "UNKNOWN_RECEIVING_SERVICE");

    assertThat(pi).hasPassed("BoundaryEvent_ReceivingServiceUnknown").isWaitingAt("Task_FixReceivingService");
    Task fix = task();
    Assertions.assertThat(candidateUsers(fix)).containsExactly(MANAGER);
    assertThat(fix).hasDueDate(Date.from(MONDAY_COB));
    Assertions.assertThat(fix.getPriority()).isEqualTo(60);
    Assertions.assertThat(taskService().getVariable(fix.getId(), "receivingService")).isEqualTo("YOUTH_OFFENDING_TEAM");

    complete(fix, Map.of("receivingServiceFixed", true));
    verify(fixReceivingServiceForm).notify(any());
    Assertions.assertThat(sendPacks(pi)).containsExactly("YOUTH_OFFENDING_TEAM");
    assertThat(pi).isWaitingAt("Task_RecordHandoverResponse");
  }

  // --- early closure -----------------------------------------------------------------------------

  @Test
  void approvedEarlyClosureStopsEverythingElseAndClosesTheCase() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    visit();
    assess("INTENSIVE_SUPPORT");
    complete(taskAt("Task_WriteSupportPlan"));
    weeklyReviewFires(pi, NOW.plus(WEEK));
    reportRepeatIncident();
    assertThat(pi).isWaitingAt("Event_SupportReviewDue", "Task_RecordWeeklyReview", "Task_ReviewRepeatIncident");

    requestClosure("MOVED_AWAY");
    assertThat(pi)
        .isWaitingAt(
            "Event_SupportReviewDue",
            "Task_RecordWeeklyReview",
            "Task_ReviewRepeatIncident",
            "Task_ApproveEarlyClosure");
    Task approval = taskAt("Task_ApproveEarlyClosure");
    Assertions.assertThat(candidateUsers(approval)).containsExactly(MANAGER);
    Assertions.assertThat(approval.getPriority()).isEqualTo(90);
    // asked on Friday 11 October 17:43 BST: due Monday 14 October, 17:00 BST
    assertThat(approval).hasDueDate(Date.from(Instant.parse("2013-10-14T16:00:00Z")));
    Assertions.assertThat(taskService().getVariable(approval.getId(), "requestedClosureReason"))
        .isEqualTo("MOVED_AWAY");

    complete(approval, Map.of("earlyClosureDecision", "APPROVE"));
    verify(earlyClosureApprovalForm).notify(any());

    // everything else is cancelled: tasks, the support timers, the repeat incident
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(timers(pi)).isEmpty();
    for (String cancelled :
        List.of(
            "Task_RecordWeeklyReview",
            "Task_ReviewRepeatIncident",
            "Event_SupportReviewDue",
            "SubProcess_SupportPeriod",
            "SubProcess_IntensiveSupport",
            "SubProcess_ClosureRequested")) {
      Assertions.assertThat(
              historyService()
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(pi.getId())
                  .activityId(cancelled)
                  .canceled()
                  .count())
          .as(cancelled)
          .isOne();
    }
    assertThat(pi).hasPassed("EndEvent_EarlyClosureApproved").isWaitingAt("Task_CloseCaseEarly");
    // a closing case takes no more closure requests or repeat incidents
    Assertions.assertThat(
            runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count())
        .isZero();
    Assertions.assertThatThrownBy(() -> requestClosure("OTHER"))
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    runAsyncJobs(pi);
    Assertions.assertThat(closedWithReason).containsExactly("MOVED_AWAY");
    LockedExternalTask police = lockOne("ear-police-update");
    Assertions.assertThat(police.getActivityId()).isEqualTo("Task_NotifyPoliceOfEarlyClosure");
    Assertions.assertThat(police.getVariables().getValue("policeEvent", String.class)).isEqualTo("CLOSED");
    externalTaskService().complete(police.getId(), "worker");

    assertThat(pi)
        .hasPassedInOrder("Task_CloseCaseEarly", "Task_NotifyPoliceOfEarlyClosure", "EndEvent_CaseClosedEarly")
        .hasNotPassed("EndEvent_CaseClosed", "Task_ReviewSupportNearEnd")
        .isEnded();
  }

  @Test
  void approvedEarlyClosureDuringHandoverCancelsThePacksInFlight() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");
    chooseServices("EARLY_HELP", "MENTAL_HEALTH_SERVICES");
    runAsyncJobs(pi);
    // one pack is with the workers app, the other already sent and awaiting an answer
    List<LockedExternalTask> packs =
        externalTaskService().fetchAndLock(10, "worker").topic("ear-handover-pack", 60_000L).execute();
    Assertions.assertThat(packs).hasSize(2);
    externalTaskService().complete(packs.get(0).getId(), "worker");
    assertThat(pi).isWaitingAt("Task_SendHandoverPack", "Task_RecordHandoverResponse");

    requestClosure("DIED");
    complete(taskAt("Task_ApproveEarlyClosure"), Map.of("earlyClosureDecision", "APPROVE"));

    Assertions.assertThat(externalTaskService().createExternalTaskQuery().processInstanceId(pi.getId()).count())
        .isZero();
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(timers(pi)).isEmpty();
    Assertions.assertThatThrownBy(() -> externalTaskService().complete(packs.get(1).getId(), "worker"))
        .isInstanceOf(org.camunda.bpm.engine.exception.NotFoundException.class);
    runAsyncJobs(pi);
    Assertions.assertThat(closedWithReason).containsExactly("DIED");
    externalTaskService().complete(lockOne("ear-police-update").getId(), "worker");
    assertThat(pi)
        .hasPassed("EndEvent_CaseClosedEarly")
        .hasNotPassed("EndEvent_HandoverDone", "EndEvent_CaseClosed")
        .isEnded();
  }

  @Test
  void refusedEarlyClosureInterruptsNothing() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 2, 90);
    visit();
    requestClosure("DECLINED_SUPPORT");
    assertThat(pi).isWaitingAt("Task_AssessNeeds", "Task_ApproveEarlyClosure");

    complete(taskAt("Task_ApproveEarlyClosure"), Map.of("earlyClosureDecision", "REFUSE"));

    assertThat(pi).hasPassed("EndEvent_EarlyClosureRefused").isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "closureReason")).isNull();
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "requestedClosureReason")).isNull();
    assess("NO_FURTHER_ACTION");
    assertThat(pi).isWaitingAt("Task_CloseCase");
  }

  // --- repeat incident ---------------------------------------------------------------------------

  @Test
  void repeatIncidentGivesTheAllocatedWorkerAReviewAndInterruptsNothing() throws Exception {
    ProcessInstance pi = start("JOINT_VISIT", 3, 60);
    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    complete(task(), Map.of("allocatedWorker", WORKER));
    assertThat(pi).isWaitingAt("Task_AssessNeeds");

    Date repeatDue = reportRepeatIncident();

    assertThat(pi).isWaitingAt("Task_AssessNeeds", "Task_ReviewRepeatIncident");
    var review = taskAt("Task_ReviewRepeatIncident");
    assertThat(review).isAssignedTo(WORKER).hasDueDate(repeatDue);
    // the team can still see it (camunda-bpm-assert's hasCandidateGroup ignores assigned tasks)
    Assertions.assertThat(groups(review)).contains("ear-preston");
    Assertions.assertThat(review.getPriority()).isEqualTo(90);
    // the repeat's own values stay in its scope, the case's are untouched
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "repeatIncidentRef")).isNull();

    complete(review);
    verify(repeatIncidentForm).notify(any());
    assertThat(pi).hasPassed("EndEvent_RepeatIncidentReviewed").isWaitingAt("Task_AssessNeeds");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private ProcessInstance start(String route, int grade, int priority) {
    return runtimeService()
        .startProcessInstanceByKey("EarlyActionCase", BUSINESS_KEY, variables(route, grade, priority));
  }

  private ProcessInstance startWithChild() {
    Map<String, Object> vars = variables("JOINT_VISIT", 2, 90);
    vars.put("childInvolved", true);
    return runtimeService().startProcessInstanceByKey("EarlyActionCase", BUSINESS_KEY, vars);
  }

  private static Map<String, Object> variables(String route, int grade, int priority) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseRef", BUSINESS_KEY);
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
    vars.put("childInvolved", false);
    vars.put("secondEscalationAt", Date.from(SECOND_ESCALATION));
    return vars;
  }

  private static void visit() {
    complete(taskAt("Task_RecordJointVisit"));
  }

  private static void assess(String outcome) {
    complete(taskAt("Task_AssessNeeds"), Map.of("assessmentOutcome", outcome));
  }

  /** Lets the async continuation jobs (save points, external task creation) run. */
  private static void runAsyncJobs(ProcessInstance pi) {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list())
        .isEmpty()) {
      jobs.forEach(job -> execute(job));
    }
  }

  /** The async close, then the police update by the workers app. */
  private static void finishClosing(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_CloseCase");
    Assertions.assertThat(policeAreTold(pi)).containsOnlyOnce("CLOSED");
    assertThat(pi).hasPassed("EndEvent_CaseClosed");
  }

  /**
   * Runs the save points, then plays the workers app for every police update of the case that is
   * due: returns their events.
   */
  private static List<String> policeAreTold(ProcessInstance pi) {
    return workersComplete(pi, "ear-police-update", "policeEvent");
  }

  /** As {@link #policeAreTold}, for the manager alerts: returns their kinds. */
  private static List<String> managersAreAlerted(ProcessInstance pi) {
    return workersComplete(pi, "ear-manager-alert", "alertKind");
  }

  private static List<String> workersComplete(ProcessInstance pi, String topic, String variable) {
    runAsyncJobs(pi);
    List<String> values = new ArrayList<>();
    for (LockedExternalTask locked :
        externalTaskService()
            .fetchAndLock(10, "worker")
            .topic(topic, 60_000L)
            .businessKey(pi.getBusinessKey())
            .execute()) {
      values.add(locked.getVariables().getValue(variable, String.class));
      externalTaskService().complete(locked.getId(), "worker");
    }
    return values;
  }

  private static LockedExternalTask lockOne(String topic) {
    List<LockedExternalTask> locked =
        externalTaskService().fetchAndLock(10, "worker").topic(topic, 60_000L).execute();
    Assertions.assertThat(locked).hasSize(1);
    return locked.get(0);
  }

  private static void chooseServices(String... services) {
    complete(
        taskAt("Task_ChooseReceivingServices"),
        Map.of("receivingServices", new ArrayList<>(List.of(services)), "handoverSummary", "s"));
  }

  /** Runs the workers app for the handover packs: returns the services they went to. */
  private static List<String> sendPacks(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_SendHandoverPack");
    runAsyncJobs(pi);
    List<LockedExternalTask> packs =
        externalTaskService().fetchAndLock(10, "worker").topic("ear-handover-pack", 60_000L).execute();
    List<String> services = new ArrayList<>();
    for (LockedExternalTask pack : packs) {
      services.add(pack.getVariables().getValue("receivingService", String.class));
      externalTaskService().complete(pack.getId(), "worker");
    }
    Assertions.assertThat(
            externalTaskService()
                .createExternalTaskQuery()
                .processInstanceId(pi.getId())
                .topicName("ear-handover-pack")
                .count())
        .isZero();
    return services;
  }

  private static Task responseFrom(String service) {
    return taskQuery().taskDefinitionKey("Task_RecordHandoverResponse").list().stream()
        .filter(t -> service.equals(taskService().getVariable(t.getId(), "receivingService")))
        .findFirst()
        .orElseThrow();
  }

  /** Plan written, then straight on to the review a week before the support ends. */
  private void toReviewBeforeSupportEnds(ProcessInstance pi) {
    visit();
    assess("INTENSIVE_SUPPORT");
    complete(taskAt("Task_WriteSupportPlan"));
    reviewBeforeEndFires(pi, NOW.plus(SUPPORT).minus(REVIEW_BEFORE_END));
  }

  /** Moves the clock to the next weekly review and fires it; returns when it fell due. */
  private static Instant weeklyReviewFires(ProcessInstance pi, Instant expectedDue) {
    Job weekly = timerAt(pi, "BoundaryEvent_WeeklyReview");
    Assertions.assertThat(weekly.getDuedate()).isEqualTo(Date.from(expectedDue));
    ClockUtil.setCurrentTime(weekly.getDuedate());
    execute(weekly);
    assertThat(pi).isWaitingAt("Event_SupportReviewDue", "Task_RecordWeeklyReview");
    return expectedDue;
  }

  private static void completeWeeklyReview(Task review) {
    complete(review, Map.of("contactsThisWeek", 3, "progressNotes", "p", "riskTrend", "STABLE"));
  }

  private static void reviewBeforeEndFires(ProcessInstance pi, Instant due) {
    Job review = timerAt(pi, "Event_SupportReviewDue");
    Assertions.assertThat(review.getDuedate()).isEqualTo(Date.from(due));
    // weekly reviews still open by then are done; the support period ends at the timer
    taskQuery().taskDefinitionKey("Task_RecordWeeklyReview").list().forEach(t -> completeWeeklyReview(t));
    ClockUtil.setCurrentTime(Date.from(due));
    execute(review);
    assertThat(pi).hasPassed("EndEvent_SupportPeriodEnds").isWaitingAt("Task_ReviewSupportNearEnd");
  }

  private static Date reportRepeatIncident() {
    Date repeatDue = Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3600));
    runtimeService()
        .createMessageCorrelation("RepeatIncidentReported")
        .processInstanceBusinessKey(BUSINESS_KEY)
        .setVariablesToTriggeredScope(
            Map.of("repeatIncidentRef", "LC-2", "repeatResponseDueAt", repeatDue, "repeatPriority", 90))
        .correlate();
    return repeatDue;
  }

  private static void requestClosure(String reason) {
    runtimeService()
        .createMessageCorrelation("CaseClosureRequested")
        .processInstanceBusinessKey(BUSINESS_KEY)
        .setVariablesToTriggeredScope(Map.of("requestedClosureReason", reason, "requestedBy", WORKER))
        .correlate();
  }
}
