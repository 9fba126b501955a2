package uk.ear.caseservice.closure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.cases.ClosureReason;
import uk.ear.caseservice.policy.EngineClock;
import uk.ear.caseservice.policy.TestEarProperties;
import uk.ear.caseservice.process.FormRejectedException;
import uk.ear.caseservice.process.ProcessScenario;

/**
 * RequestCaseClosure, started from Tasklist's Start process: the server checks the start form and
 * passes the request to the case ({@link EarlyClosure}, mocked here; its rules are tested over
 * HTTP), or refuses the start with a message for the worker and leaves nothing behind.
 */
@Deployment(resources = {"processes/RequestCaseClosure.bpmn", "forms/RequestCaseClosure.form"})
class RequestCaseClosureProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  final EarlyClosure earlyClosure = mock(EarlyClosure.class);

  @BeforeEach
  void registerBeans(ProcessEngine processEngine) {
    init(processEngine);
    Mocks.register(
        "closureRequestDelegate",
        new ClosureRequestDelegate(
            earlyClosure, new EngineClock(TestEarProperties.LONDON), TestEarProperties.london()));
  }

  @AfterEach
  void reset() {
    identityService().clearAuthentication();
    Mocks.reset();
  }

  @Test
  void theRequestGoesToTheCaseAndTheInstanceKeepsOnlyWhichCase() {
    ProcessInstance pi =
        startAs("sw.preston1", List.of("ear-preston"), form(" ear-2026-000123 ", "MOVED_AWAY"));

    verify(earlyClosure)
        .request(
            "EAR-2026-000123",
            ClosureReason.MOVED_AWAY,
            "Family moved to Leeds on Saturday.",
            "sw.preston1",
            Set.of("ear-preston"));
    assertThat(pi)
        .hasPassedInOrder(
            "StartEvent_ClosureRequested", "Task_PassRequestToManager", "EndEvent_RequestWithManager")
        .isEnded();
    // Cockpit finds the request under the case's reference
    Assertions.assertThat(
            historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("EAR-2026-000123").count())
        .isOne();
    // the note is on the case now, not shown with the request's variables
    Assertions.assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("closureRequestNote")
                .count())
        .isZero();
  }

  @Test
  void aRefusedRequestStopsTheStartWithTheReasonForTheWorker() {
    doThrow(new EarlyClosure.Refused(EarlyClosure.Refused.Why.NO_SUCH_CASE, "Your team has no case EAR-2026-000999."))
        .when(earlyClosure)
        .request(anyString(), any(), anyString(), anyString(), any());

    assertThatThrownBy(
            () -> startAs("sw.burnley1", List.of("ear-burnley"), form("EAR-2026-000999", "DIED")))
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Request early closure: please correct the form. Your team has no case EAR-2026-000999.");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aFormTheServerWouldNotAcceptIsRefusedBeforeTheCaseIsAsked() {
    assertThatThrownBy(
            () -> startAs("sw.preston1", List.of("ear-preston"), Map.of("caseRef", "EAR-2026-000123", "requestedClosureReason", "EMIGRATED")))
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("'Why should the case close?' must be one of DECLINED_SUPPORT, DIED, MOVED_AWAY, OTHER.")
        .hasMessageContaining("'What happened?' is required.");
    // a reference that is not one is not repeated back (Tasklist shows messages as HTML)
    assertThatThrownBy(
            () -> startAs("sw.preston1", List.of("ear-preston"), form("<b>EAR</b>", "DIED")))
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Request early closure: please correct the form. 'Case reference' must look like EAR-2026-000123.");
    // and nobody signed in: the engine cannot say whose team it is
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("RequestCaseClosure", form("EAR-2026-000123", "DIED")))
        .hasMessageContaining("Only a signed-in worker of the case's team can ask to close it.");
    verifyNoInteractions(earlyClosure);
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
  }

  private static ProcessInstance startAs(String user, List<String> groups, Map<String, Object> form) {
    identityService().setAuthentication(user, groups);
    try {
      return formService().submitStartForm(
          repositoryService().createProcessDefinitionQuery().processDefinitionKey("RequestCaseClosure").singleResult().getId(),
          form);
    } finally {
      identityService().clearAuthentication();
    }
  }

  private static Map<String, Object> form(String caseRef, String reason) {
    return Map.of(
        "caseRef", caseRef,
        "requestedClosureReason", reason,
        "closureRequestNote", "Family moved to Leeds on Saturday.");
  }
}
