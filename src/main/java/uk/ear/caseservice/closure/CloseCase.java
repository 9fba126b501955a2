package uk.ear.caseservice.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;

/**
 * Task_CloseCase and Task_CloseCaseEarly. The reason is {@code closureReason}, which the model
 * sets on each path that ends a case: no further action (after the assessment or the screening),
 * support completed, handed over, or the reason of an approved early closure. There is no
 * fallback: a path that forgets it is a modelling error and an incident.
 */
@Component("closeCaseDelegate")
class CloseCase implements JavaDelegate {

  static final String CLOSURE_REASON = "closureReason";

  private final CaseRecords records;

  CloseCase(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariable(CLOSURE_REASON);
    if (reason == null) {
      throw new IllegalStateException(
          "No closure reason on the path to " + execution.getCurrentActivityName());
    }
    records.close(execution.getProcessBusinessKey(), reason.toString());
  }
}
