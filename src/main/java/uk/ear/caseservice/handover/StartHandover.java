package uk.ear.caseservice.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.Stage;

/** Task_StartHandover: the case moves to its handover stage. */
@Component("startHandoverDelegate")
class StartHandover implements JavaDelegate {

  private final CaseRecords records;

  StartHandover(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.moveTo(execution.getProcessBusinessKey(), Stage.HANDOVER);
  }
}
