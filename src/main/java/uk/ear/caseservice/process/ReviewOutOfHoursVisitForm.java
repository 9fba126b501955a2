package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;

/** Form_ReviewOutOfHoursVisit: the morning team takes on what EDT did, and the case. */
@Component("outOfHoursReviewFormListener")
class ReviewOutOfHoursVisitForm extends CaseFormListener {

  ReviewOutOfHoursVisitForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String notes = form.text("handoverFromEdtNotes");
    return (records, caseRef, user) -> {
      records.addEntry(caseRef, "OUT_OF_HOURS_REVIEW", task.getId(), null, null, notes, user);
      records.allocate(caseRef, user);
    };
  }
}
