package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;

/**
 * Task_AllocateCase and Task_AllocateScreenedCase: the case's tasks from here on go to the worker
 * the case record names. The rule lives in {@code CaseRecord}: the team's worker who first visited
 * or screened the case keeps it, or the one who took it over from the Emergency Duty Team; after
 * an EDT screening nobody is named and the tasks wait in the team's queue. This is the only place
 * that writes {@code allocatedWorker}.
 */
@Component("allocateCaseDelegate")
class AllocateCase implements JavaDelegate {

  private final CaseRecords records;

  AllocateCase(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        CaseVariables.ALLOCATED_WORKER,
        records.get(execution.getProcessBusinessKey()).getAllocatedWorker());
  }
}
