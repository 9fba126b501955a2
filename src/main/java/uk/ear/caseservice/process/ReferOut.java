package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;

/** Task_ReferToDistrictServices: no EAR team covers the district, so the case is referred out. */
@Component("referOutDelegate")
class ReferOut implements JavaDelegate {

  private final CaseRecords records;

  ReferOut(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.addEntry(
        execution.getProcessBusinessKey(),
        "REFERRED_OUT",
        null,
        "DISTRICT_SERVICES",
        null,
        "No EAR team covers " + execution.getVariable(CaseVariables.DISTRICT),
        "system");
  }
}
