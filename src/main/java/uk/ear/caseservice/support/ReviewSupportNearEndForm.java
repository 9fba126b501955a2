package uk.ear.caseservice.support;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_ReviewSupportNearEnd: hand over, extend (once, by up to {@code
 * ear.support.max-extension-weeks}) or close. */
@Component("supportReviewFormListener")
class ReviewSupportNearEndForm extends CaseFormListener {

  ReviewSupportNearEndForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("supportReviewOutcome", "extensionWeeks");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String outcome = form.choice("supportReviewOutcome");
    String notes = form.text("supportReviewNotes");
    boolean extend = "EXTEND".equals(outcome);
    if (extend && c.isSupportExtended()) {
      form.problem("Intensive support has been extended once already: hand over or close.");
    }
    // checked whenever sent: the extension delegate reads it later; the form offers the weeks
    // "Start intensive support" set from the same setting
    Integer weeks =
        form.number("extensionWeeks", extend, 1, properties().support().maxExtensionWeeks());
    Integer extension = extend ? weeks : null;
    return (records, caseRef, user) -> {
      records.addEntry(
          caseRef, "SUPPORT_REVIEW", task.getId(), outcome, null,
          (extension == null ? "" : "Extension asked: " + extension + " weeks. ") + notes, user);
      if (!extend) {
        task.getExecution().removeVariable("extensionWeeks");
      }
    };
  }
}
