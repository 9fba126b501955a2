package uk.ear.caseservice.activity;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/** Form_ReferToMarac: when the case was referred to MARAC, its reference and the safety plan. */
@Component("maracReferralFormListener")
class MaracReferralForm extends CaseFormListener {

  MaracReferralForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    LocalDate on = form.date("maracReferredOn", true, true);
    String reference = form.text("maracReference");
    String notes = form.text("maracNotes");
    Object why = task.getVariable("maracReferral");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "MARAC_REFERRAL", task.getId(), why == null ? null : why.toString(), null,
            "Referred on " + on + (reference == null ? "" : " (" + reference + ")") + "\n" + notes,
            user);
  }
}
