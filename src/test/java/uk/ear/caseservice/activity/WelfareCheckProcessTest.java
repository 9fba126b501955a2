package uk.ear.caseservice.activity;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.process.ProcessScenario;

/**
 * A welfare check with its own outcome; a child at risk leads to a strategy discussion within one
 * working day and, if a conference follows, it is tracked to 15 working days after the discussion,
 * with the manager told at day 10. Here the check is on Thursday 17 April 2014, before Easter:
 * Good Friday, Easter Monday and the early May bank holiday are not working days.
 */
@Deployment(
    resources = {
      "processes/WelfareCheck.bpmn",
      "forms/CarryOutWelfareCheck.form",
      "forms/HoldChildStrategyDiscussion.form",
      "forms/RecordConferenceOutcome.form",
      "forms/ReviewOverdueActivity.form"
    })
class WelfareCheckProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  // Thursday 17 April 2014, 10:00 BST
  static final Instant THURSDAY_BEFORE_EASTER = Instant.parse("2014-04-17T09:00:00Z");
  // one working day on: Tuesday 22 April, 17:00 BST (Good Friday and Easter Monday skipped)
  static final Instant TUESDAY_AFTER_EASTER_COB = Instant.parse("2014-04-22T16:00:00Z");

  @BeforeEach
  void mocks() {
    autoMock("processes/WelfareCheck.bpmn");
    ClockUtil.setCurrentTime(Date.from(THURSDAY_BEFORE_EASTER));
  }

  @Test
  void aChildAtRiskLeadsToAStrategyDiscussionAndAConferenceWithin15WorkingDays() {
    checkNeeded();
    isTeamWork(taskAt("Task_CarryOutWelfareCheck"), WORKER, TUESDAY_AFTER_EASTER_COB, 80);

    done("Task_CarryOutWelfareCheck", Map.of("welfareOutcome", "CHILD_AT_RISK"));
    verifyTaskListenerMock("welfareCheckFormListener").executed();
    isTeamWork(taskAt("Task_HoldChildStrategyDiscussion"), WORKER, TUESDAY_AFTER_EASTER_COB, 80);

    done("Task_HoldChildStrategyDiscussion", Map.of("conferenceNeeded", "YES"));
    verifyTaskListenerMock("childStrategyDiscussionFormListener").executed();
    // 15 working days after Thursday 17 April 2014, with Easter and 5 May off: Tuesday 13 May
    isTeamWork(taskAt("Task_RecordConferenceOutcome"), WORKER, Instant.parse("2014-05-13T16:00:00Z"), 80);

    // at day 10 (Tuesday 6 May) the conference is at risk: the manager is asked to act
    timerFires("BoundaryEvent_ConferenceAtRisk", Instant.parse("2014-05-06T16:00:00Z"));
    isManagersWork(taskAt("Task_ReviewConferenceAtRisk"), Instant.parse("2014-05-06T20:00:00Z"), 80);
    done("Task_ReviewConferenceAtRisk", Map.of("lateActivityAction", "CHASED", "lateActivityReason", "r"));
    assertThat(pi).hasPassed("EndEvent_ConferenceRiskReviewed").isWaitingAt("Task_RecordConferenceOutcome");

    done("Task_RecordConferenceOutcome", Map.of("conferenceOutcome", "PLAN_MADE"));
    verifyTaskListenerMock("conferenceOutcomeFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_ConferenceOutcomeRecorded").isEnded();
    Assertions.assertThat(lastValueOf("conferenceOutcome")).isEqualTo("PLAN_MADE");
  }

  @Test
  void noConferenceEndsTheActivityAfterTheStrategyDiscussion() {
    checkNeeded();
    done("Task_CarryOutWelfareCheck", Map.of("welfareOutcome", "CHILD_AT_RISK"));
    done("Task_HoldChildStrategyDiscussion", Map.of("conferenceNeeded", "NO"));
    assertThat(pi).hasPassed("EndEvent_NoConference").hasNotPassed("Task_RecordConferenceOutcome").isEnded();
  }

  @Test
  void aPersonSafeOrNeedingSupportEndsTheCheck() {
    checkNeeded();
    done("Task_CarryOutWelfareCheck", Map.of("welfareOutcome", "SUPPORT_NEEDED"));
    assertThat(pi).hasPassed("EndEvent_WelfareCheckDone").hasNotPassed("Task_HoldChildStrategyDiscussion").isEnded();
  }

  @Test
  void anOverdueCheckGoesToTheTeamManager() {
    checkNeeded();
    timerFires("BoundaryEvent_WelfareCheckOverdue", TUESDAY_AFTER_EASTER_COB);
    isManagersWork(taskAt("Task_ReviewOverdueWelfareCheck"), TUESDAY_AFTER_EASTER_COB.plusSeconds(7200), 80);
    done("Task_ReviewOverdueWelfareCheck", Map.of("lateActivityAction", "REALLOCATED", "lateActivityReason", "r"));
    assertThat(pi).hasPassed("EndEvent_OverdueWelfareCheckReviewed").isWaitingAt("Task_CarryOutWelfareCheck");
  }

  /** Started by the case, due one working day on (as the case service sets it). */
  private void checkNeeded() {
    calledByTheCase("WelfareCheck", 80, Map.of("activityDueAt", Date.from(TUESDAY_AFTER_EASTER_COB)));
  }
}
