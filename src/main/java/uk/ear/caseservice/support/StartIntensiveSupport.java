package uk.ear.caseservice.support;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Task_StartIntensiveSupport: the case moves to intensive support for {@code ear.support.period}
 * (about six weeks), reviewed {@code ear.support.review-before-end} before it ends.
 */
@Component("startIntensiveSupportDelegate")
class StartIntensiveSupport implements JavaDelegate {

  private final CaseRecords records;
  private final EarProperties properties;

  StartIntensiveSupport(CaseRecords records, EarProperties properties) {
    this.records = records;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant ends =
        records.startSupport(execution.getProcessBusinessKey(), properties.support().period());
    SupportDates.set(execution, ends, properties);
    execution.setVariable(SupportDates.SUPPORT_EXTENDED, false);
  }
}
