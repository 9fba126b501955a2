package uk.ear.caseservice.activity;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;

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
 * The DASH risk checklist and the MARAC referral, with the real decision table: 14 or more "yes"
 * answers, professional judgement, or 3 or more police call-outs in 12 months refer the case to
 * MARAC. The three values are what the checklist's listener writes (mocked here).
 */
@Deployment(
    resources = {
      "processes/DomesticAbuseRisk.bpmn",
      "processes/MaracReferral.dmn",
      "forms/CompleteDashChecklist.form",
      "forms/ReferToMarac.form",
      "forms/ReviewOverdueActivity.form"
    })
class DomesticAbuseRiskProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  @BeforeEach
  void mocks() {
    autoMock("processes/DomesticAbuseRisk.bpmn");
  }

  @Test
  void thirteenYesAnswersAloneDoNotReferToMarac() {
    checklistNeeded();
    isTeamWork(taskAt("Task_CompleteDashChecklist"), WORKER, MONDAY_COB, 90);
    checklistCompleted(13, false, 1);
    verifyTaskListenerMock("dashChecklistFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_NoMaracReferral").hasNotPassed("Task_ReferToMarac").isEnded();
    Assertions.assertThat(lastValueOf("maracReferral")).isEqualTo("NONE");
    verifyExecutionListenerMock("activityOutcomeListener").executed();
  }

  @Test
  void fourteenYesAnswersReferToMarac() {
    checklistNeeded();
    checklistCompleted(14, false, 1);
    Assertions.assertThat(lastValueOf("maracReferral")).isEqualTo("HIGH_RISK_SCORE");
    isTeamWork(taskAt("Task_ReferToMarac"), WORKER, MONDAY_COB, 90);
    done("Task_ReferToMarac", Map.of("maracReferredOn", "2013-10-04", "maracNotes", "n"));
    verifyTaskListenerMock("maracReferralFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_ReferredToMarac").isEnded();
  }

  @Test
  void professionalJudgementReferswhateverTheScore() {
    checklistNeeded();
    checklistCompleted(3, true, 1);
    Assertions.assertThat(lastValueOf("maracReferral")).isEqualTo("PROFESSIONAL_JUDGEMENT");
    assertThat(pi).isWaitingAt("Task_ReferToMarac");
  }

  @Test
  void theThirdPoliceCallOutIn12MonthsIsAPotentialEscalation() {
    checklistNeeded();
    checklistCompleted(5, false, 2);
    Assertions.assertThat(lastValueOf("maracReferral")).isEqualTo("NONE");

    checklistNeeded();
    checklistCompleted(5, false, 3);
    Assertions.assertThat(lastValueOf("maracReferral")).isEqualTo("POTENTIAL_ESCALATION");
    assertThat(pi).isWaitingAt("Task_ReferToMarac");
  }

  @Test
  void anOverdueChecklistGoesToTheTeamManager() {
    checklistNeeded();
    timerFires("BoundaryEvent_DashChecklistOverdue", MONDAY_COB);
    isManagersWork(taskAt("Task_ReviewOverdueDashChecklist"), MONDAY_COB.plusSeconds(7200), 90);
    done("Task_ReviewOverdueDashChecklist", Map.of("lateActivityAction", "CHASED", "lateActivityReason", "r"));
    assertThat(pi).hasPassed("EndEvent_OverdueChecklistReviewed").isWaitingAt("Task_CompleteDashChecklist");
  }

  private void checklistNeeded() {
    calledByTheCase("DomesticAbuseRisk", 90, Map.of("activityDueAt", Date.from(MONDAY_COB)));
  }

  private void checklistCompleted(int yes, boolean judgement, int callOuts) {
    complete(
        taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_CompleteDashChecklist").singleResult(),
        Map.of(
            DashChecklistForm.YES_COUNT, yes,
            DashChecklistForm.JUDGEMENT, judgement,
            DashChecklistForm.CALL_OUTS, callOuts));
  }
}
