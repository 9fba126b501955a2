package uk.ear.caseservice.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.mockito.Expressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EarlyActionCase on a bare engine, in the words of the diagram: a police call, the visit and its
 * response window, the assessment and its outcomes, the manager's approvals, early closure and
 * repeat incidents. Intensive support and the handover are processes of their own (tested in
 * {@code IntensiveSupportProcessTest} and {@code HandoverProcessTest}); here they are mocks that
 * wait until the test ends them with the value the real ones give back.
 */
@Deployment(
    resources = {
      "processes/EarlyActionCase.bpmn",
      "forms/ApproveClosure.form",
      "forms/ApproveEarlyClosure.form",
      "forms/AssessNeeds.form",
      "forms/HoldStrategyDiscussion.form",
      "forms/RecordJointVisit.form",
      "forms/ReviewMissedResponse.form",
      "forms/ReviewOutOfHoursVisit.form",
      "forms/ReviewOverdueVisit.form",
      "forms/ReviewRepeatIncident.form",
      "forms/ScreenCall.form"
    })
class EarlyActionCaseProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  static final String SUPPORT_ENDS = "IntensiveSupportEnds";
  static final String HANDOVER_ENDS = "HandoverEnds";

  Allocation allocation;
  uk.ear.caseservice.activity.ActivityPlan plan;

  @BeforeEach
  void mocks() {
    autoMock("processes/EarlyActionCase.bpmn");
    allocation = Expressions.registerMockInstance("allocation", Allocation.class);
    when(allocation.candidateGroupFor(TEAM_GROUP)).thenReturn(TEAM_GROUP);
    visitIsInHours();
    // the case record's rule names the visiting worker
    registerJavaDelegateMock("allocateCaseDelegate")
        .onExecutionSetVariables(Map.of("allocatedWorker", WORKER));
    // no activity unless a test plans one (the real plan comes from ActivitiesForCase.dmn)
    plan = Expressions.registerMockInstance("activityPlan", uk.ear.caseservice.activity.ActivityPlan.class);
    calledProcessWaitsFor("IntensiveSupport", SUPPORT_ENDS);
    calledProcessWaitsFor("Handover", HANDOVER_ENDS);
  }

  // --- the teams' activities ---------------------------------------------------------------------

  @Test
  void theAssessmentWaitsForTheRequiredActivitiesWhileOthersRunUntilTheCaseCloses() {
    calledProcessWaitsFor("ReturnHomeInterview", "ReturnInterviewHeld");
    calledProcessWaitsFor("WelfareCheck", "WelfareCheckDone");
    calledProcessWaitsFor("PpuJointWork", "JointWorkDone");
    when(plan.beforeAssessment(CASE_REF)).thenReturn(List.of("ReturnHomeInterview", "WelfareCheck"));
    when(plan.alongside(CASE_REF)).thenReturn(List.of("PpuJointWork"));
    callReceived("JOINT_VISIT", 2, 90);

    visit();

    verifyJavaDelegateMock("chooseActivitiesDelegate").executed();
    assertThat(pi)
        .hasPassedInOrder("Task_AllocateCase", "Task_ChooseActivities")
        .isWaitingAt(
            "Task_AssessNeeds",
            "CallActivity_CarryOutRequiredActivities",
            "CallActivity_CarryOutOtherActivities");
    // each activity is its own process instance of the case, started with its reference
    Assertions.assertThat(
            runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list())
        .extracting(p -> p.getBusinessKey())
        .containsOnly(CASE_REF)
        .hasSize(3);

    // the assessment is done first, but its outcome waits for both required activities
    assess("NO_FURTHER_ACTION");
    assertThat(pi).isWaitingAt("Gateway_AssessmentDone").hasNotPassed("Gateway_AssessmentOutcome");
    activityEnds("ReturnHomeInterview", "ReturnInterviewHeld");
    assertThat(pi).hasNotPassed("Gateway_AssessmentOutcome");
    activityEnds("WelfareCheck", "WelfareCheckDone");

    // the case closes with the PPU work still open: closing ends it, and only it
    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
    Assertions.assertThat(calledInstance("PpuJointWork")).isNull();
    assertThat(pi).hasPassed("EndEvent_OtherActivitiesStopped").hasNotPassed("EndEvent_OtherActivitiesDone");
  }

  @Test
  void activitiesAlongsideEndOnTheirOwnAndAReassessmentStartsNoneTwice() {
    calledProcessWaitsFor("PpuJointWork", "JointWorkDone");
    when(plan.alongside(CASE_REF)).thenReturn(List.of("PpuJointWork"));
    callAboutAChild();
    visit();
    activityEnds("PpuJointWork", "JointWorkDone");
    assertThat(pi).hasPassed("EndEvent_OtherActivitiesDone");

    // a refused closure: the assessment again, with no activity left to run
    assess("NO_FURTHER_ACTION");
    managerRefusesClosure();
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(calledInstance("PpuJointWork")).isNull();
    Assertions.assertThat(timesPassed("Gateway_AssessmentBegins")).isEqualTo(2);
  }

  // --- hospital admissions ------------------------------------------------------------------------

  @Test
  void aCaseAHospitalOpenedLiaisesWithTheHospitalThenAssessesWithoutAVisit() {
    calledProcessWaitsFor("HospitalLiaison", "Liaised");
    admissionReceived(false);

    assertThat(pi).isWaitingAt("CallActivity_LiaiseWithHospital");
    var liaison = calledInstance("HospitalLiaison");
    Assertions.assertThat(liaison.getBusinessKey()).isEqualTo(CASE_REF);
    // the liaison gets the group and the due date the intake decided
    Assertions.assertThat(runtimeService().getVariables(liaison.getId()))
        .containsEntry("liaisonGroup", EDT)
        .containsEntry("activityDueAt", Date.from(NOW.plusSeconds(4 * 3600)))
        .containsEntry("caseRef", CASE_REF)
        .containsEntry("teamGroup", TEAM_GROUP);
    liaisonEndsWith("ASSESS");

    assertThat(pi)
        .hasPassed("Gateway_LiaisonOutcome", "Task_AllocateCase", "Task_ChooseActivities")
        .hasNotPassed("Task_RecordJointVisit")
        .isWaitingAt("Task_AssessNeeds");
  }

  @Test
  void noFurtherActionAfterLiaisonAboutAChildNeedsAManagerToApprove() {
    calledProcessWaitsFor("HospitalLiaison", "Liaised");
    admissionReceived(true);
    liaisonEndsWith("NO_FURTHER_ACTION");

    isManagersWork(taskAt("Task_ApproveClosure"), MONDAY_COB, 90);
    managerApprovesClosure();
    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
  }

  @Test
  void anAdmissionToAnOpenCaseLiaisesWithTheHospitalAndInterruptsNothing() {
    calledProcessWaitsFor("HospitalLiaison", "Liaised");
    callReceived("JOINT_VISIT", 2, 90);

    Date due = Date.from(NOW.plusSeconds(4 * 3600));
    runtimeService()
        .createMessageCorrelation("HospitalAdmissionReported")
        .processInstanceBusinessKey(CASE_REF)
        .setVariablesToTriggeredScope(
            Map.of("admissionRef", "RPH-1", "liaisonGroup", TEAM_GROUP, "liaisonDueAt", due))
        .correlate();

    assertThat(pi).isWaitingAt("Task_RecordJointVisit", "CallActivity_LiaiseWithHospitalAgain");
    Assertions.assertThat(runtimeService().getVariables(calledInstance("HospitalLiaison").getId()))
        .containsEntry("liaisonGroup", TEAM_GROUP)
        .containsEntry("activityDueAt", due)
        .containsEntry("priority", 90);
    liaisonEndsWith("ASSESS");
    assertThat(pi).hasPassed("EndEvent_AdmissionLiaised").isWaitingAt("Task_RecordJointVisit");
  }

  private void admissionReceived(boolean child) {
    Map<String, Object> vars = variables("HOSPITAL_LIAISON", 2, 90);
    vars.put("grade", null);
    vars.put("incidentRef", null);
    vars.put("admissionRef", "RPH-2026-118822");
    vars.put("childInvolved", child);
    vars.put("liaisonGroup", EDT);
    vars.put("liaisonDueAt", Date.from(NOW.plusSeconds(4 * 3600)));
    pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", CASE_REF, vars);
  }

  private void liaisonEndsWith(String outcome) {
    runtimeService()
        .createMessageCorrelation("Liaised")
        .processInstanceId(calledInstance("HospitalLiaison").getId())
        .setVariable("liaisonOutcome", outcome)
        .correlate();
  }

  private void activityEnds(String key, String message) {
    runtimeService()
        .createMessageCorrelation(message)
        .processInstanceId(calledInstance(key).getId())
        .correlate();
  }

  // --- joint visit, assessment, closure ----------------------------------------------------------

  @Test
  void jointVisitThenNoFurtherActionForAnAdultClosesTheCaseAndTellsThePolice() {
    callReceived("JOINT_VISIT", 2, 90);

    assertThat(pi).isWaitingAt("Task_RecordJointVisit", "Task_NotifyPoliceOfNewCase");
    isTeamWork(taskAt("Task_RecordJointVisit"), null, DUE, 90);
    // the police hear of the case at once, without the visit waiting for their system
    Assertions.assertThat(policeAreTold()).containsExactly("ATTACHED");

    visit();
    verifyTaskListenerMock("jointVisitFormListener").executed();
    assertThat(pi)
        .hasPassed("Gateway_VisitedOutOfHours", "Task_AllocateCase")
        .hasNotPassed("Task_ReviewOutOfHoursVisit")
        .isWaitingAt("Task_AssessNeeds", "Task_NotifyPoliceOfVisit");
    Assertions.assertThat(policeAreTold()).containsExactly("VISITED");
    // the assessment is the team's; the allocated worker has the case's later tasks
    isTeamWork(taskAt("Task_AssessNeeds"), null, NEXT_FRIDAY_COB, 90);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "allocatedWorker")).isEqualTo(WORKER);

    assess("NO_FURTHER_ACTION");
    verifyTaskListenerMock("assessmentFormListener").executed();
    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
    assertThat(pi)
        .hasPassed("Task_AllocateCase", "Task_ChooseActivities")
        .hasPassedInOrder(
            "Task_RecordJointVisit",
            "Task_AssessNeeds",
            "Gateway_ChildInvolved",
            "Task_CloseCase",
            "Task_NotifyPoliceOfClosure",
            "EndEvent_CaseClosed")
        .hasNotPassed("Task_ApproveClosure");
    verifyJavaDelegateMock("recordMissedResponseDelegate").executedNever();
  }

  @Test
  void noFurtherActionForAChildNeedsAManagerToApproveTheClosure() {
    callAboutAChild();
    visit();
    assess("NO_FURTHER_ACTION");

    isManagersWork(taskAt("Task_ApproveClosure"), MONDAY_COB, 90);
    managerApprovesClosure();
    verifyTaskListenerMock("closureApprovalFormListener").executed();
    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
  }

  @Test
  void refusedClosureForAChildGoesBackToTheAssessment() {
    callAboutAChild();
    visit();
    assess("NO_FURTHER_ACTION");

    managerRefusesClosure();

    // the link events (Reassess needs) leave no activity instance of their own in Camunda 7
    assertThat(pi)
        .hasPassedInOrder("Task_AssessNeeds", "Task_ApproveClosure", "Gateway_AssessmentStarts")
        .isWaitingAt("Task_AssessNeeds")
        .hasNotPassed("Task_CloseCase");
    Assertions.assertThat(timesPassed("Task_AssessNeeds")).isEqualTo(2);
    isTeamWork(taskAt("Task_AssessNeeds"), null, NEXT_FRIDAY_COB, 90);

    assess("INTENSIVE_SUPPORT");
    assertThat(pi).isWaitingAt("CallActivity_ProvideIntensiveSupport");
  }

  // --- out of hours, escalations -----------------------------------------------------------------

  @Test
  void outOfHoursTheEmergencyDutyTeamVisitsAndTheMorningTeamReviewsWhatItDid() {
    when(allocation.candidateGroupFor(TEAM_GROUP)).thenReturn(EDT);
    callReceived("JOINT_VISIT", 2, 90);
    Task edtVisit = taskAt("Task_RecordJointVisit");
    Assertions.assertThat(groups(edtVisit)).containsExactly(EDT);
    assertThat(edtVisit).hasDueDate(Date.from(DUE));

    visitIsOutOfHours();
    visit();

    Task review = taskAt("Task_ReviewOutOfHoursVisit");
    // Friday evening: the team is on duty again on Monday at 08:45 BST, plus two hours
    isTeamWork(review, null, Instant.parse("2013-10-07T09:45:00Z"), 90);
    verifyJavaDelegateMock("allocateCaseDelegate").executedNever();

    done("Task_ReviewOutOfHoursVisit");
    verifyTaskListenerMock("outOfHoursReviewFormListener").executed();
    assertThat(pi).hasPassed("Gateway_VisitDone", "Task_AllocateCase").isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "allocatedWorker")).isEqualTo(WORKER);
  }

  @Test
  void responseWindowMissedEscalatesToTheTeamManagerWithoutStoppingTheVisit() {
    callReceived("JOINT_VISIT", 2, 90);

    timerFires("BoundaryEvent_ResponseWindowMissed", DUE);

    verifyJavaDelegateMock("recordMissedResponseDelegate").executed();
    assertThat(pi)
        .isWaitingAt("Task_RecordJointVisit", "Task_ReviewMissedResponse", "Task_AlertManagerToMissedResponse");
    // the duty manager gets a mail as well as the Tasklist task; neither waits for the other
    Assertions.assertThat(managersAreAlerted()).containsExactly("RESPONSE_WINDOW_MISSED");
    isManagersWork(taskAt("Task_ReviewMissedResponse"), DUE.plusSeconds(2 * 3600), 90);

    done("Task_ReviewMissedResponse");
    verifyTaskListenerMock("missedResponseFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_MissedResponseReviewed").isWaitingAt("Task_RecordJointVisit");
    visit();
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
  }

  @Test
  void visitStillOverdueAfterTheSecondEscalationTimeReachesAllManagers() {
    callReceived("JOINT_VISIT", 2, 90);
    timerFires("BoundaryEvent_ResponseWindowMissed", DUE);

    timerFires("BoundaryEvent_VisitStillOverdue", SECOND_ESCALATION);

    assertThat(pi)
        .isWaitingAt("Task_RecordJointVisit", "Task_ReviewMissedResponse", "Task_ReviewOverdueVisit");
    Assertions.assertThat(managersAreAlerted())
        .containsExactlyInAnyOrder("RESPONSE_WINDOW_MISSED", "VISIT_STILL_OVERDUE");
    Task overdue = taskAt("Task_ReviewOverdueVisit");
    Assertions.assertThat(groups(overdue)).containsExactly("ear-managers");
    Assertions.assertThat(candidateUsers(overdue)).isEmpty();
    assertThat(overdue).hasDueDate(Date.from(SECOND_ESCALATION.plusSeconds(3600)));
    Assertions.assertThat(overdue.getPriority()).isEqualTo(90);

    done("Task_ReviewOverdueVisit", Map.of("overdueAction", "ALLOCATED_ANOTHER_WORKER"));
    verifyTaskListenerMock("overdueVisitFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_OverdueVisitReviewed");
    visit();
    assertThat(pi).isWaitingAt("Task_ReviewMissedResponse", "Task_AssessNeeds");
    Assertions.assertThat(timers()).isEmpty();
  }

  @Test
  void visitInTimeLeavesNoTimerBehind() {
    callReceived("JOINT_VISIT", 3, 60);
    Assertions.assertThat(timers()).hasSize(2);
    visit();
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(timers()).isEmpty();
  }

  // --- desk screening, referral out --------------------------------------------------------------

  @Test
  void deskScreeningForGradeFourClosesWithoutApproval() {
    Map<String, Object> vars = variables("DESK_SCREENING", 4, 40);
    vars.put("secondEscalationAt", null);
    vars.put("childInvolved", true);
    pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", CASE_REF, vars);

    isTeamWork(taskAt("Task_ScreenCall"), null, DUE, 40);
    Assertions.assertThat(timers()).isEmpty();

    screen("NO_FURTHER_ACTION");
    verifyTaskListenerMock("screeningFormListener").executed();
    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
    assertThat(pi).hasNotPassed("Gateway_HandoverNeeded", "Task_ApproveClosure");
  }

  @Test
  void deskScreeningCanReferOnToTheHandoverWithTheScreeningWorker() {
    Map<String, Object> vars = variables("DESK_SCREENING", 4, 40);
    vars.put("secondEscalationAt", null);
    pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", CASE_REF, vars);

    screen("REFER_ON");

    assertThat(pi)
        .hasPassed("Task_AllocateScreenedCase", "Gateway_HandoverNeeded")
        .isWaitingAt("CallActivity_HandOverToCoreServices");
    Assertions.assertThat(handover().getBusinessKey()).isEqualTo(CASE_REF);
    Assertions.assertThat(runtimeService().getVariable(handover().getId(), "allocatedWorker"))
        .isEqualTo(WORKER);
  }

  @Test
  void districtWithoutTeamIsReferredOut() {
    Map<String, Object> vars = variables("REFERRED_OUT", 3, 60);
    vars.put("team", null);
    vars.put("teamGroup", null);
    vars.put("responseDueAt", null);
    vars.put("secondEscalationAt", null);
    pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", CASE_REF, vars);

    verifyJavaDelegateMock("referOutDelegate").executed();
    // the police learn the case reference (its stage says it was referred out)
    Assertions.assertThat(policeAreTold()).containsExactly("ATTACHED");
    assertThat(pi).hasPassed("Task_ReferToDistrictServices", "EndEvent_ReferredOut").isEnded();
  }

  @Test
  void unknownRouteIsRefusedRatherThanLost() {
    Assertions.assertThatThrownBy(() -> callReceived("SOMETHING_ELSE", 2, 90))
        .hasMessageContaining("Gateway_ChooseRoute");
  }

  // --- safeguarding ------------------------------------------------------------------------------

  @Test
  void safeguardingReferralHoldsAStrategyDiscussionThenHandsOver() {
    callReceived("JOINT_VISIT", 3, 60);
    visit();
    assess("SAFEGUARDING_REFERRAL");

    isTeamWork(taskAt("Task_HoldStrategyDiscussion"), WORKER, MONDAY_COB, 60);
    strategyDiscussionDecides("CHILDRENS_SAFEGUARDING", "HANDOVER");
    verifyTaskListenerMock("strategyDiscussionFormListener").executed();
    assertThat(pi)
        .hasPassed("Gateway_HandoverNeeded")
        .isWaitingAt("CallActivity_HandOverToCoreServices");
  }

  @Test
  void safeguardingReferralCanLeadToIntensiveSupport() {
    callReceived("JOINT_VISIT", 3, 60);
    visit();
    assess("SAFEGUARDING_REFERRAL");

    strategyDiscussionDecides("ADULTS_SAFEGUARDING", "INTENSIVE_SUPPORT");

    assertThat(pi)
        .hasPassed("Gateway_IntensiveSupportStarts")
        .isWaitingAt("CallActivity_ProvideIntensiveSupport");
  }

  // --- intensive support and handover, as called processes ---------------------------------------

  @Test
  void intensiveSupportGetsTheCaseAndItsWorkerAndNothingElse() {
    callReceived("JOINT_VISIT", 2, 90);
    visit();
    assess("INTENSIVE_SUPPORT");

    ProcessInstance support = intensiveSupport();
    Assertions.assertThat(support.getBusinessKey()).isEqualTo(CASE_REF);
    Assertions.assertThat(runtimeService().getVariables(support.getId()))
        .containsOnlyKeys("caseRef", "team", "teamGroup", "allocatedWorker", "priority")
        .containsEntry("caseRef", CASE_REF)
        .containsEntry("allocatedWorker", WORKER);

    supportEndsWith("HANDOVER");
    assertThat(pi)
        .hasPassed("Gateway_SupportOutcome", "Gateway_HandoverStarts")
        .hasNotPassed("Task_ApproveClosure")
        .isWaitingAt("CallActivity_HandOverToCoreServices");
  }

  @Test
  void closingAfterIntensiveSupportNeedsAManagerToApprove() {
    callReceived("JOINT_VISIT", 2, 90);
    visit();
    assess("INTENSIVE_SUPPORT");
    supportEndsWith("CLOSE");

    isManagersWork(taskAt("Task_ApproveClosure"), Instant.parse("2013-10-07T16:00:00Z"), 90);
    managerApprovesClosure();
    Assertions.assertThat(caseClosesAs()).isEqualTo("SUPPORT_COMPLETED");
    assertThat(pi).hasNotPassed("CallActivity_HandOverToCoreServices");
  }

  @Test
  void aRefusedClosureAfterSupportThenNoFurtherActionClosesAsNoFurtherAction() {
    callReceived("JOINT_VISIT", 2, 90);
    visit();
    assess("INTENSIVE_SUPPORT");
    supportEndsWith("CLOSE");
    // the manager does not agree the support is done: the case is assessed again
    managerRefusesClosure();

    assess("NO_FURTHER_ACTION");

    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
  }

  @Test
  void referOnHandsOverAndClosesAsHandedOver() {
    callReceived("JOINT_VISIT", 3, 60);
    visit();
    assess("REFER_ON");
    assertThat(pi).isWaitingAt("CallActivity_HandOverToCoreServices");

    handoverIsDone();

    Assertions.assertThat(caseClosesAs()).isEqualTo("HANDED_OVER");
  }

  // --- early closure -----------------------------------------------------------------------------

  @Test
  void approvedEarlyClosureStopsEverythingElseAndClosesTheCase() {
    callReceived("JOINT_VISIT", 2, 90);
    visit();
    assess("INTENSIVE_SUPPORT");
    ProcessInstance support = intensiveSupport();
    reportRepeatIncident();

    requestClosure("MOVED_AWAY");
    assertThat(pi)
        .isWaitingAt(
            "CallActivity_ProvideIntensiveSupport",
            "Task_ReviewRepeatIncident",
            "Task_ApproveEarlyClosure");
    Task approval = taskAt("Task_ApproveEarlyClosure");
    isManagersWork(approval, MONDAY_COB, 90);
    Assertions.assertThat(taskService().getVariable(approval.getId(), "requestedClosureReason"))
        .isEqualTo("MOVED_AWAY");

    done("Task_ApproveEarlyClosure", Map.of("earlyClosureDecision", "APPROVE"));
    verifyTaskListenerMock("earlyClosureApprovalFormListener").executed();

    // everything else is cancelled: the support (with its own instance), the repeat incident
    assertThat(support).isEnded();
    Assertions.assertThat(taskQuery().processInstanceBusinessKey(CASE_REF).count()).isZero();
    for (String cancelled :
        List.of(
            "CallActivity_ProvideIntensiveSupport",
            "Task_ReviewRepeatIncident",
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

    savePointsRun();
    LockedExternalTask police = lockOne("ear-police-update");
    Assertions.assertThat(police.getActivityId()).isEqualTo("Task_NotifyPoliceOfEarlyClosure");
    Assertions.assertThat(police.getVariables().getValue("policeEvent", String.class)).isEqualTo("CLOSED");
    externalTaskService().complete(police.getId(), "worker");
    assertThat(pi)
        .hasPassedInOrder("Task_CloseCaseEarly", "Task_NotifyPoliceOfEarlyClosure", "EndEvent_CaseClosedEarly")
        .hasNotPassed("EndEvent_CaseClosed")
        .isEnded();
    Assertions.assertThat(lastValueOf("closureReason")).isEqualTo("MOVED_AWAY");
  }

  @Test
  void refusedEarlyClosureInterruptsNothing() {
    callReceived("JOINT_VISIT", 2, 90);
    visit();
    requestClosure("DECLINED_SUPPORT");
    assertThat(pi).isWaitingAt("Task_AssessNeeds", "Task_ApproveEarlyClosure");

    done("Task_ApproveEarlyClosure", Map.of("earlyClosureDecision", "REFUSE"));

    assertThat(pi).hasPassed("EndEvent_EarlyClosureRefused").isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "closureReason")).isNull();
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "requestedClosureReason")).isNull();
    assess("NO_FURTHER_ACTION");
    Assertions.assertThat(caseClosesAs()).isEqualTo("NO_FURTHER_ACTION");
  }

  // --- repeat incident ---------------------------------------------------------------------------

  @Test
  void repeatIncidentGivesTheAllocatedWorkerAReviewAndInterruptsNothing() {
    callReceived("JOINT_VISIT", 3, 60);
    visit();

    Date repeatDue = reportRepeatIncident();

    assertThat(pi).isWaitingAt("Task_AssessNeeds", "Task_ReviewRepeatIncident");
    Task review = taskAt("Task_ReviewRepeatIncident");
    assertThat(review).isAssignedTo(WORKER).hasDueDate(repeatDue);
    // the team can still see it (camunda-bpm-assert's hasCandidateGroup ignores assigned tasks)
    Assertions.assertThat(groups(review)).contains(TEAM_GROUP);
    Assertions.assertThat(review.getPriority()).isEqualTo(90);
    // the repeat's own values stay in its scope, the case's are untouched
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "repeatIncidentRef")).isNull();

    done("Task_ReviewRepeatIncident");
    verifyTaskListenerMock("repeatIncidentFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_RepeatIncidentReviewed").isWaitingAt("Task_AssessNeeds");
  }

  // --- the case's steps, in the diagram's words --------------------------------------------------

  private void callReceived(String route, int grade, int priority) {
    pi =
        runtimeService()
            .startProcessInstanceByKey("EarlyActionCase", CASE_REF, variables(route, grade, priority));
  }

  private void callAboutAChild() {
    Map<String, Object> vars = variables("JOINT_VISIT", 2, 90);
    vars.put("childInvolved", true);
    pi = runtimeService().startProcessInstanceByKey("EarlyActionCase", CASE_REF, vars);
  }

  private static Map<String, Object> variables(String route, int grade, int priority) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseRef", CASE_REF);
    vars.put("incidentRef", "LC-20131004-0421");
    vars.put("team", TEAM);
    vars.put("teamGroup", TEAM_GROUP);
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

  private static void visitIsInHours() {
    registerTaskListenerMock("jointVisitFormListener")
        .onExecutionSetVariables(Map.of("visitedOutOfHours", false));
  }

  private static void visitIsOutOfHours() {
    registerTaskListenerMock("jointVisitFormListener")
        .onExecutionSetVariables(Map.of("visitedOutOfHours", true));
  }

  private static void visit() {
    done("Task_RecordJointVisit");
  }

  private static void screen(String outcome) {
    done("Task_ScreenCall", Map.of("screeningOutcome", outcome));
  }

  private static void assess(String outcome) {
    done("Task_AssessNeeds", Map.of("assessmentOutcome", outcome));
  }

  private static void managerApprovesClosure() {
    done("Task_ApproveClosure", Map.of("closureDecision", "APPROVE"));
  }

  private static void managerRefusesClosure() {
    done("Task_ApproveClosure", Map.of("closureDecision", "REFUSE"));
  }

  private static void strategyDiscussionDecides(String route, String outcome) {
    done(
        "Task_HoldStrategyDiscussion",
        Map.of("safeguardingRoute", route, "strategyOutcome", outcome));
  }

  private ProcessInstance intensiveSupport() {
    return calledInstance("IntensiveSupport");
  }

  private ProcessInstance handover() {
    return calledInstance("Handover");
  }

  private ProcessInstance calledInstance(String key) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId())
        .processDefinitionKey(key)
        .singleResult();
  }

  /** The IntensiveSupport process ends with the worker's review outcome, as the real one does. */
  private void supportEndsWith(String outcome) {
    assertThat(pi).isWaitingAt("CallActivity_ProvideIntensiveSupport");
    runtimeService()
        .createMessageCorrelation(SUPPORT_ENDS)
        .processInstanceId(intensiveSupport().getId())
        .setVariable("supportReviewOutcome", outcome)
        .correlate();
  }

  private void handoverIsDone() {
    runtimeService()
        .createMessageCorrelation(HANDOVER_ENDS)
        .processInstanceId(handover().getId())
        .correlate();
  }

  /** The case closes (a save point), the police are told; returns the reason it closed with. */
  private String caseClosesAs() {
    assertThat(pi).isWaitingAt("Task_CloseCase");
    verifyJavaDelegateMock("closeCaseDelegate").executedNever();
    Assertions.assertThat(policeAreTold()).containsOnlyOnce("CLOSED");
    verifyJavaDelegateMock("closeCaseDelegate").executed();
    assertThat(pi).hasPassed("Task_CloseCase", "EndEvent_CaseClosed").isEnded();
    return (String) lastValueOf("closureReason");
  }

  private static Date reportRepeatIncident() {
    Date repeatDue = Date.from(NOW.plusSeconds(3600));
    runtimeService()
        .createMessageCorrelation("RepeatIncidentReported")
        .processInstanceBusinessKey(CASE_REF)
        .setVariablesToTriggeredScope(
            Map.of("repeatIncidentRef", "LC-2", "repeatResponseDueAt", repeatDue, "repeatPriority", 90))
        .correlate();
    return repeatDue;
  }

  private static void requestClosure(String reason) {
    runtimeService()
        .createMessageCorrelation("CaseClosureRequested")
        .processInstanceBusinessKey(CASE_REF)
        .setVariablesToTriggeredScope(Map.of("requestedClosureReason", reason, "requestedBy", WORKER))
        .correlate();
  }
}
