package uk.ear.caseservice.support;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/** Task_ExtendSupport: a manager approved the one extension; both dates move by its weeks. */
@Component("extendSupportDelegate")
class ExtendSupport implements JavaDelegate {

  private final CaseRecords records;
  private final EarProperties properties;

  ExtendSupport(CaseRecords records, EarProperties properties) {
    this.records = records;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int weeks = ((Number) execution.getVariable("extensionWeeks")).intValue();
    Instant ends = records.extendSupport(execution.getProcessBusinessKey(), weeks);
    SupportDates.set(execution, ends, properties);
    execution.setVariable(SupportDates.SUPPORT_EXTENDED, true);
  }
}
