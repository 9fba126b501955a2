package uk.ear.caseservice.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Task_StartIntensiveSupport: the case moves to intensive support for {@code ear.support.period}
 * (about six weeks), reviewed {@code ear.support.review-before-end} before it ends. The review's
 * form offers an extension of 1 to {@code ear.support.max-extension-weeks} weeks from the
 * variable set here ({@code extensionWeekOptions}, a select's {@code valuesKey}), so the limit is
 * configured in one place and never typed into a form.
 */
@Component("startIntensiveSupportDelegate")
class StartIntensiveSupport implements JavaDelegate {

  static final String EXTENSION_WEEK_OPTIONS = "extensionWeekOptions";

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
    execution.setVariable(
        EXTENSION_WEEK_OPTIONS, extensionWeekOptions(properties.support().maxExtensionWeeks()));
  }

  /** [{"label": "1 week", "value": 1}, {"label": "2 weeks", "value": 2}, …] as a JSON value. */
  static JsonValue extensionWeekOptions(int maxWeeks) {
    ArrayNode options = JSON.createArrayNode();
    for (int weeks = 1; weeks <= maxWeeks; weeks++) {
      options.addObject().put("label", weeks + (weeks == 1 ? " week" : " weeks")).put("value", weeks);
    }
    return SpinValues.jsonValue(options.toString()).create();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
}
