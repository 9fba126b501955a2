package uk.ear.caseservice.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.process.ProcessScenario;

/**
 * IntensiveSupport from its boundary: called with the case's business key, team and allocated
 * worker, it runs about six weeks with a plan, weekly reviews and a review before the end, and
 * gives back {@code supportReviewOutcome}. Its dates come from "Start intensive support" (mocked
 * here with the dates the real one sets).
 */
@Deployment(
    resources = {
      "processes/IntensiveSupport.bpmn",
      "forms/ApproveExtension.form",
      "forms/RecordWeeklyReview.form",
      "forms/ReviewSupportNearEnd.form",
      "forms/WriteSupportPlan.form"
    })
class IntensiveSupportProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  static final Duration SUPPORT = Duration.ofDays(42);
  static final Instant REVIEW_BEFORE_END = NOW.plus(SUPPORT).minus(WEEK);

  @BeforeEach
  void mocks() {
    autoMock("processes/IntensiveSupport.bpmn");
    registerJavaDelegateMock("startIntensiveSupportDelegate")
        .onExecutionSetVariables(
            Map.of(
                "supportEndsAt", Date.from(NOW.plus(SUPPORT)),
                "supportReviewAt", Date.from(REVIEW_BEFORE_END),
                "supportExtended", false));
  }

  @Test
  void aPlanWeeklyReviewsAndAReviewBeforeTheEndThenHandover() {
    supportStarts();

    verifyJavaDelegateMock("startIntensiveSupportDelegate").executed();
    isTeamWork(taskAt("Task_WriteSupportPlan"), WORKER, TUESDAY_COB, 90);
    planWritten();
    verifyTaskListenerMock("supportPlanFormListener").executed();
    assertThat(pi).isWaitingAt("Event_SupportReviewDue");
    Assertions.assertThat(timerAt("Event_SupportReviewDue").getDuedate())
        .isEqualTo(Date.from(REVIEW_BEFORE_END));

    // week one and week two: a review task each, the support carries on
    timerFires("BoundaryEvent_WeeklyReview", NOW.plus(WEEK));
    // Friday 11 October 17:43 BST: two working days later is Tuesday 15 October, 17:00 BST
    isTeamWork(
        taskAt("Task_RecordWeeklyReview"), WORKER, Instant.parse("2013-10-15T16:00:00Z"), 90);
    weeklyReviewRecorded();
    assertThat(pi).isWaitingAt("Event_SupportReviewDue");
    timerFires("BoundaryEvent_WeeklyReview", NOW.plus(WEEK.multipliedBy(2)));
    weeklyReviewRecorded();
    verifyTaskListenerMock("weeklyReviewFormListener").executed(times(2));
    assertThat(pi).hasPassed("EndEvent_WeeklyReviewRecorded");

    // a week before the end the closing review is due, and the weekly reviews stop
    reviewBeforeEndIsDue(REVIEW_BEFORE_END);
    isTeamWork(taskAt("Task_ReviewSupportNearEnd"), WORKER, NOW.plus(SUPPORT), 90);
    Assertions.assertThat(timers()).isEmpty();

    workerProposes("HANDOVER");
    verifyTaskListenerMock("supportReviewFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_SupportEndedForHandover").isEnded();
    Assertions.assertThat(lastValueOf("supportReviewOutcome")).isEqualTo("HANDOVER");
  }

  @Test
  void closingIsProposedToTheCase() {
    supportStarts();
    planWritten();
    reviewBeforeEndIsDue(REVIEW_BEFORE_END);

    workerProposes("CLOSE");

    assertThat(pi).hasPassed("EndEvent_SupportEndedForClosure").isEnded();
    Assertions.assertThat(lastValueOf("supportReviewOutcome")).isEqualTo("CLOSE");
  }

  @Test
  void anApprovedExtensionRunsTheSupportPeriodAgainFromTheMovedDates() {
    Duration fourWeeks = WEEK.multipliedBy(4);
    registerJavaDelegateMock("extendSupportDelegate")
        .onExecutionSetVariables(
            Map.of(
                "supportEndsAt", Date.from(NOW.plus(SUPPORT).plus(fourWeeks)),
                "supportReviewAt", Date.from(REVIEW_BEFORE_END.plus(fourWeeks)),
                "supportExtended", true));
    supportStarts();
    planWritten();
    reviewBeforeEndIsDue(REVIEW_BEFORE_END);

    workerProposes("EXTEND", 4);
    // asked for on Friday 8 November 2013 (GMT now): due Monday 11 November, 17:00
    isManagersWork(taskAt("Task_ApproveExtension"), Instant.parse("2013-11-11T17:00:00Z"), 90);
    managerDecidesExtension("APPROVE");
    verifyTaskListenerMock("extensionApprovalFormListener").executed();
    verifyJavaDelegateMock("extendSupportDelegate").executed();

    // back in the support period, with the closing review four weeks later
    assertThat(pi).isWaitingAt("Event_SupportReviewDue");
    timerFires("BoundaryEvent_WeeklyReview", REVIEW_BEFORE_END.plus(WEEK));
    weeklyReviewRecorded();
    reviewBeforeEndIsDue(REVIEW_BEFORE_END.plus(fourWeeks));
    assertThat(taskAt("Task_ReviewSupportNearEnd")).hasDueDate(Date.from(NOW.plus(SUPPORT).plus(fourWeeks)));

    workerProposes("HANDOVER");
    assertThat(pi).hasPassed("Task_ExtendSupport", "EndEvent_SupportEndedForHandover").isEnded();
    Assertions.assertThat(timesPassed("SubProcess_SupportPeriod")).isEqualTo(2);
  }

  @Test
  void aRefusedExtensionEndsTheSupportForHandover() {
    supportStarts();
    planWritten();
    reviewBeforeEndIsDue(REVIEW_BEFORE_END);
    workerProposes("EXTEND", 6);

    managerDecidesExtension("REFUSE");

    verifyJavaDelegateMock("extendSupportDelegate").executedNever();
    assertThat(pi).hasPassed("EndEvent_ExtensionRefused").isEnded();
    // the case goes on to the handover: anything but CLOSE
    Assertions.assertThat(lastValueOf("supportReviewOutcome")).isEqualTo("EXTEND");
  }

  // --- the support's steps -----------------------------------------------------------------------

  private void supportStarts() {
    calledByTheCase("IntensiveSupport", 90);
  }

  private static void planWritten() {
    done("Task_WriteSupportPlan", Map.of("supportGoals", "g", "supportPlanNotes", "n"));
  }

  private static void weeklyReviewRecorded() {
    done(
        "Task_RecordWeeklyReview",
        Map.of("contactsThisWeek", 3, "progressNotes", "p", "riskTrend", "STABLE"));
  }

  private void reviewBeforeEndIsDue(Instant due) {
    // weekly reviews still open by then are done; the support period ends at the timer
    taskQuery().taskDefinitionKey("Task_RecordWeeklyReview").list().forEach(t -> weeklyReviewRecorded());
    timerFires("Event_SupportReviewDue", due);
    assertThat(pi).hasPassed("EndEvent_SupportPeriodEnds").isWaitingAt("Task_ReviewSupportNearEnd");
  }

  private static void workerProposes(String outcome) {
    done("Task_ReviewSupportNearEnd", Map.of("supportReviewOutcome", outcome));
  }

  private static void workerProposes(String outcome, int weeks) {
    done("Task_ReviewSupportNearEnd", Map.of("supportReviewOutcome", outcome, "extensionWeeks", weeks));
  }

  private static void managerDecidesExtension(String decision) {
    done("Task_ApproveExtension", Map.of("extensionDecision", decision));
  }
}
