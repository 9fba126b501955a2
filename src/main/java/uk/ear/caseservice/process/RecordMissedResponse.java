package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.metrics.ServiceMetrics;

/** Task_RecordMissedResponse: the response window passed with no visit recorded. */
@Component("recordMissedResponseDelegate")
class RecordMissedResponse implements JavaDelegate {

  private final CaseRecords records;
  private final ServiceMetrics metrics;

  RecordMissedResponse(CaseRecords records, ServiceMetrics metrics) {
    this.records = records;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.recordMissedResponse(execution.getProcessBusinessKey());
    metrics.responseWindow(false);
  }
}
