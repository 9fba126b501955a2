package uk.ear.caseservice.activity;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;

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
 * Joint work with a police Public Protection Unit: the referral and the agreed joint actions, then
 * a review when the first action falls due, and again on the date each review sets, until done.
 * {@code nextReviewAt} is what the actions' listeners set (mocked here).
 */
@Deployment(
    resources = {
      "processes/PpuJointWork.bpmn",
      "forms/AgreeJointActions.form",
      "forms/ReviewJointActions.form"
    })
class PpuJointWorkProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  // the first action is due Wednesday 9 October 2013: its review is that morning, 08:45 BST
  static final Instant FIRST_ACTION_DUE = Instant.parse("2013-10-09T07:45:00Z");
  static final Instant NEXT_REVIEW = Instant.parse("2013-10-16T07:45:00Z");

  @BeforeEach
  void mocks() {
    autoMock("processes/PpuJointWork.bpmn");
  }

  @Test
  void theJointActionsAreReviewedWhenTheFirstFallsDueAndAgainUntilDone() {
    calledByTheCase("PpuJointWork", 70, Map.of("activityDueAt", Date.from(TUESDAY_COB)));
    isTeamWork(taskAt("Task_AgreeJointActions"), WORKER, TUESDAY_COB, 70);

    done("Task_AgreeJointActions", Map.of("nextReviewAt", Date.from(FIRST_ACTION_DUE)));
    verifyTaskListenerMock("jointActionsFormListener").executed();
    assertThat(pi).isWaitingAt("Event_ReviewDue");

    timerFires("Event_ReviewDue", FIRST_ACTION_DUE);
    // Wednesday 9 October: two working days on is Friday 11 October, 17:00 BST
    isTeamWork(taskAt("Task_ReviewJointActions"), WORKER, NEXT_FRIDAY_COB, 70);
    done("Task_ReviewJointActions", Map.of("jointWorkOutcome", "CONTINUE", "nextReviewAt", Date.from(NEXT_REVIEW)));
    assertThat(pi).isWaitingAt("Event_ReviewDue");

    timerFires("Event_ReviewDue", NEXT_REVIEW);
    done("Task_ReviewJointActions", Map.of("jointWorkOutcome", "COMPLETE"));
    verifyTaskListenerMock("jointActionsReviewFormListener").executed(times(2));
    assertThat(pi).hasPassed("EndEvent_JointWorkDone").isEnded();
    Assertions.assertThat(timesPassed("Task_ReviewJointActions")).isEqualTo(2);
  }
}
