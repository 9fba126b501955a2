package uk.ear.caseservice.handover;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.process.ProcessScenario;

/**
 * Handover from its boundary: called with the case's business key, team and allocated worker, it
 * sends a pack to every service the worker chooses (through the workers app) and waits for each
 * answer; an unanswered, declined or undeliverable handover goes to the team's manager.
 */
@Deployment(
    resources = {
      "processes/Handover.bpmn",
      "forms/ChaseHandover.form",
      "forms/ChooseAnotherService.form",
      "forms/ChooseReceivingServices.form",
      "forms/FixReceivingService.form",
      "forms/RecordHandoverResponse.form",
      "forms/ReviewDeclinedHandover.form",
      "forms/RecordConsentToShare.form",
      "forms/ApproveSharing.form"
    })
class HandoverProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  @BeforeEach
  void mocks() {
    autoMock("processes/Handover.bpmn");
  }

  @Test
  void withoutConsentNothingIsSentUntilTheManagerApprovesALawfulBasis() {
    handoverStarts();
    workerChoosesWithoutConsentYet("CHILDRENS_SOCIAL_CARE");
    isTeamWork(taskAt("Task_RecordConsentToShare"), WORKER, MONDAY_COB, 60);
    consentIs("NOT_SOUGHT");
    verifyTaskListenerMock("consentToShareFormListener").executed();

    // the handover waits for the manager: no pack is due
    isManagersWork(taskAt("Task_ApproveSharingWithoutConsent"), MONDAY_COB, 60);
    Assertions.assertThat(externalTaskService().createExternalTaskQuery().topicName("ear-handover-pack").count()).isZero();

    // refused: back to the worker to seek consent
    done("Task_ApproveSharingWithoutConsent", Map.of("sharingDecision", "REFUSE"));
    assertThat(pi).isWaitingAt("Task_RecordConsentToShare");
    consentIs("REFUSED");
    done("Task_ApproveSharingWithoutConsent", Map.of("sharingDecision", "APPROVE", "lawfulBasis", "SAFEGUARDING_CHILD"));
    verifyTaskListenerMock("sharingApprovalFormListener").executed(times(2));

    Assertions.assertThat(packsSent()).containsExactly("CHILDRENS_SOCIAL_CARE");
    Assertions.assertThat(timesPassed("Task_RecordConsentToShare")).isEqualTo(2);
  }

  @Test
  void everyChosenServiceGetsItsPackAndAnswers() {
    handoverStarts();

    verifyJavaDelegateMock("startHandoverDelegate").executed();
    isTeamWork(taskAt("Task_ChooseReceivingServices"), WORKER, MONDAY_COB, 60);
    workerChooses("EARLY_HELP", "ADULT_SOCIAL_CARE");
    verifyTaskListenerMock("handoverChoiceFormListener").executed();

    // one pack per service, each sent in the background
    Assertions.assertThat(packsSent()).containsExactlyInAnyOrder("EARLY_HELP", "ADULT_SOCIAL_CARE");
    List<Task> responses = taskQuery().taskDefinitionKey("Task_RecordHandoverResponse").list();
    Assertions.assertThat(responses).hasSize(2);
    responses.forEach(response -> isTeamWork(response, WORKER, NEXT_FRIDAY_COB, 60));

    serviceAnswers("EARLY_HELP", "ACCEPTED");
    // each service keeps its own answer: nothing is shared at the handover's level
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "handoverResponse")).isNull();
    assertThat(pi).isWaitingAt("Task_RecordHandoverResponse");
    serviceAnswers("ADULT_SOCIAL_CARE", "ACCEPTED");
    verifyTaskListenerMock("handoverResponseFormListener").executed(times(2));

    assertThat(pi).hasPassed("EndEvent_HandoverAccepted", "EndEvent_HandoverDone").isEnded();
  }

  @Test
  void anUnansweredHandoverIsChasedAndTheManagerAlertedAfterFiveWorkingDays() {
    handoverStarts();
    workerChooses("CONNECT_4_LIFE");
    packsSent();

    timerFires("BoundaryEvent_HandoverUnacknowledged", NEXT_FRIDAY_COB);

    assertThat(pi).isWaitingAt("Task_RecordHandoverResponse", "Task_ChaseHandover", "Task_AlertManagerToHandover");
    // Friday 11 October at 17:00: the next working day ends on Monday 14 October
    isTeamWork(taskAt("Task_ChaseHandover"), WORKER, Instant.parse("2013-10-14T16:00:00Z"), 60);
    savePointsRun();
    LockedExternalTask alert = lockOne("ear-manager-alert");
    Assertions.assertThat(alert.getVariables().getValue("alertKind", String.class))
        .isEqualTo("HANDOVER_UNACKNOWLEDGED");
    Assertions.assertThat(alert.getVariables().getValue("receivingService", String.class))
        .isEqualTo("CONNECT_4_LIFE");
    externalTaskService().complete(alert.getId(), "worker");
    done("Task_ChaseHandover", Map.of("chaseNotes", "phoned"));
    verifyTaskListenerMock("chaseHandoverFormListener").executed();

    assertThat(pi).hasPassed("EndEvent_HandoverChased").isWaitingAt("Task_RecordHandoverResponse");
    serviceAnswers("CONNECT_4_LIFE", "ACCEPTED");
    assertThat(pi).isEnded();
  }

  @Test
  void aDeclinedHandoverGoesToTheManagerWhoMayGoOnWithoutIt() {
    handoverStarts();
    workerChooses("EDGE_OF_CARE");
    packsSent();

    serviceAnswers("EDGE_OF_CARE", "DECLINED");

    isManagersWork(taskAt("Task_ReviewDeclinedHandover"), MONDAY_COB, 60);
    done("Task_ReviewDeclinedHandover", Map.of("declinedHandoverAction", "CLOSE_WITHOUT_HANDOVER"));
    verifyTaskListenerMock("declinedHandoverFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_HandoverNotMade", "EndEvent_HandoverDone").isEnded();
  }

  @Test
  void aDeclinedHandoverCanGoToAnotherServiceInstead() {
    handoverStarts();
    workerChooses("EDGE_OF_CARE", "EARLY_HELP");
    packsSent();

    serviceAnswers("EDGE_OF_CARE", "DECLINED");
    done("Task_ReviewDeclinedHandover", Map.of("declinedHandoverAction", "CHOOSE_ANOTHER_SERVICE"));

    assertThat(pi).isWaitingAt("Task_ChooseAnotherService", "Task_RecordHandoverResponse");
    isTeamWork(taskAt("Task_ChooseAnotherService"), WORKER, MONDAY_COB, 60);
    done("Task_ChooseAnotherService", Map.of("receivingService", "CHILDRENS_SOCIAL_CARE"));
    verifyTaskListenerMock("anotherServiceFormListener").executed();

    // the pack goes to the new service; the other handover is untouched
    Assertions.assertThat(packsSent()).containsExactly("CHILDRENS_SOCIAL_CARE");
    serviceAnswers("CHILDRENS_SOCIAL_CARE", "ACCEPTED");
    serviceAnswers("EARLY_HELP", "ACCEPTED");
    assertThat(pi).hasPassed("Task_ChooseAnotherService").isEnded();
  }

  @Test
  void anUnknownReceivingServiceGoesToAManagerToFixThenThePackIsSentAgain() {
    handoverStarts();
    workerChooses("YOUTH_OFFENDING_TEAM");
    savePointsRun();

    LockedExternalTask pack = lockOne("ear-handover-pack");
    externalTaskService().handleBpmnError(pack.getId(), "worker", "UNKNOWN_RECEIVING_SERVICE");

    assertThat(pi).hasPassed("BoundaryEvent_ReceivingServiceUnknown").isWaitingAt("Task_FixReceivingService");
    Task fix = taskAt("Task_FixReceivingService");
    isManagersWork(fix, MONDAY_COB, 60);
    Assertions.assertThat(taskService().getVariable(fix.getId(), "receivingService"))
        .isEqualTo("YOUTH_OFFENDING_TEAM");

    done("Task_FixReceivingService", Map.of("receivingServiceFixed", true));
    verifyTaskListenerMock("fixReceivingServiceFormListener").executed();
    Assertions.assertThat(packsSent()).containsExactly("YOUTH_OFFENDING_TEAM");
    assertThat(pi).isWaitingAt("Task_RecordHandoverResponse");
  }

  // --- the handover's steps ----------------------------------------------------------------------

  private void handoverStarts() {
    calledByTheCase("Handover", 60);
  }

  /** The worker chooses the services, and the person consents to the pack being shared. */
  private static void workerChooses(String... services) {
    workerChoosesWithoutConsentYet(services);
    consentIs("GIVEN");
  }

  private static void workerChoosesWithoutConsentYet(String... services) {
    done(
        "Task_ChooseReceivingServices",
        Map.of("receivingServices", new ArrayList<>(List.of(services)), "handoverSummary", "s"));
  }

  private static void consentIs(String consent) {
    done("Task_RecordConsentToShare", Map.of("consentToShare", consent, "consentNotes", "n"));
  }

  /** The workers app sends the packs that are due: returns the services they went to. */
  private List<String> packsSent() {
    assertThat(pi).isWaitingAt("Task_SendHandoverPack");
    List<String> services = workersDo("ear-handover-pack", "receivingService");
    Assertions.assertThat(
            externalTaskService()
                .createExternalTaskQuery()
                .processInstanceId(pi.getId())
                .topicName("ear-handover-pack")
                .count())
        .isZero();
    return services;
  }

  private static void serviceAnswers(String service, String response) {
    Task task =
        taskQuery().taskDefinitionKey("Task_RecordHandoverResponse").list().stream()
            .filter(t -> service.equals(taskService().getVariable(t.getId(), "receivingService")))
            .findFirst()
            .orElseThrow();
    complete(task, Map.of("handoverResponse", response));
  }
}
