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
 * A return home interview within 72 hours of the return recorded at the visit; signs of
 * exploitation refer the child to the CSE team the same working day; a late interview goes to the
 * team's manager. Here the return is Saturday 26 October 2013, 10:00 BST: the clocks go back that
 * night, so 72 hours later is Tuesday 09:00 GMT, which the case service sets as {@code activityDueAt}
 * (see {@code ActivityDeadlinesTest}).
 */
@Deployment(
    resources = {
      "processes/ReturnHomeInterview.bpmn",
      "forms/HoldReturnInterview.form",
      "forms/ReferToCseTeam.form",
      "forms/ReviewOverdueActivity.form"
    })
class ReturnHomeInterviewProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  static final Instant RETURNED = Instant.parse("2013-10-26T09:00:00Z");
  static final Instant INTERVIEW_DUE = Instant.parse("2013-10-29T09:00:00Z");

  @BeforeEach
  void mocks() {
    autoMock("processes/ReturnHomeInterview.bpmn");
    ClockUtil.setCurrentTime(Date.from(RETURNED.plusSeconds(3600)));
  }

  @Test
  void signsOfExploitationReferTheChildToTheCseTeamTheSameWorkingDay() {
    interviewNeeded();
    isTeamWork(taskAt("Task_HoldReturnInterview"), WORKER, INTERVIEW_DUE, 90);
    Assertions.assertThat(timerAt("BoundaryEvent_ReturnInterviewOverdue").getDuedate())
        .isEqualTo(Date.from(INTERVIEW_DUE));

    // Monday 28 October 2013, 11:00 GMT: the referral is due by 17:00 that day
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2013-10-28T11:00:00Z")));
    interviewHeld(ReturnInterviewForm.EXPLOITATION_INDICATED);

    verifyTaskListenerMock("returnInterviewFormListener").executed();
    isTeamWork(taskAt("Task_ReferToCseTeam"), WORKER, Instant.parse("2013-10-28T17:00:00Z"), 90);
    Assertions.assertThat(timers()).isEmpty();
    done("Task_ReferToCseTeam", Map.of("cseReferralTo", "DC Example", "cseReferralNotes", "n"));
    verifyTaskListenerMock("cseReferralFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_ReferredToCseTeam").isEnded();
  }

  @Test
  void aReferralAfterCloseOfBusinessIsDueByTheEndOfTheNextWorkingDay() {
    interviewNeeded();
    // Monday 28 October 2013, 18:30 GMT
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2013-10-28T18:30:00Z")));
    interviewHeld(ReturnInterviewForm.EXPLOITATION_INDICATED);
    assertThat(taskAt("Task_ReferToCseTeam")).hasDueDate(Date.from(Instant.parse("2013-10-29T17:00:00Z")));
  }

  @Test
  void noSignsOfExploitationEndTheInterview() {
    interviewNeeded();
    interviewHeld(ReturnInterviewForm.NO_INDICATORS);
    assertThat(pi).hasPassed("EndEvent_ReturnInterviewHeld").hasNotPassed("Task_ReferToCseTeam").isEnded();
  }

  @Test
  void anOverdueInterviewGoesToTheTeamManagerAndStaysWithTheWorker() {
    interviewNeeded();

    timerFires("BoundaryEvent_ReturnInterviewOverdue", INTERVIEW_DUE);

    isManagersWork(taskAt("Task_ReviewOverdueReturnInterview"), INTERVIEW_DUE.plusSeconds(7200), 90);
    assertThat(pi).isWaitingAt("Task_HoldReturnInterview", "Task_ReviewOverdueReturnInterview");
    done("Task_ReviewOverdueReturnInterview", Map.of("lateActivityAction", "CHASED", "lateActivityReason", "r"));
    verifyTaskListenerMock("overdueActivityFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_OverdueInterviewReviewed").isWaitingAt("Task_HoldReturnInterview");
  }

  private void interviewNeeded() {
    calledByTheCase("ReturnHomeInterview", 90, Map.of("activityDueAt", Date.from(INTERVIEW_DUE)));
  }

  /** The worker's interview; the case service's listener decides the outcome from the signs ticked. */
  private static void interviewHeld(String outcome) {
    done("Task_HoldReturnInterview", Map.of(ReturnInterviewForm.OUTCOME, outcome));
  }
}
