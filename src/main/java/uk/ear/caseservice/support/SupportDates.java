package uk.ear.caseservice.support;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.ear.caseservice.shared.EarProperties;

/** The two dates the IntensiveSupport process waits on: the end and the review before it. */
final class SupportDates {

  static final String SUPPORT_EXTENDED = "supportExtended";

  private SupportDates() {}

  static void set(DelegateExecution execution, Instant ends, EarProperties properties) {
    execution.setVariable("supportEndsAt", Date.from(ends));
    execution.setVariable(
        "supportReviewAt",
        Date.from(
            ends.atZone(properties.zone())
                .minus(properties.support().reviewBeforeEnd())
                .toInstant()));
  }
}
