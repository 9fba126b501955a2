package uk.ear.caseservice.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_RecordWeeklyReview: contacts and progress of one week of intensive support. */
@Component("weeklyReviewFormListener")
class RecordWeeklyReviewForm extends CaseFormListener {

  RecordWeeklyReviewForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    Integer contacts = form.number("contactsThisWeek");
    String progress = form.text("progressNotes");
    String trend = form.choice("riskTrend");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "WEEKLY_REVIEW", task.getId(), trend, null,
            contacts + " contacts. " + progress, user);
  }
}
