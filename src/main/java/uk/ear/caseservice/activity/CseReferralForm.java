package uk.ear.caseservice.activity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/** Form_ReferToCseTeam: who in the child sexual exploitation team took the referral, and what. */
@Component("cseReferralFormListener")
class CseReferralForm extends CaseFormListener {

  CseReferralForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String to = form.text("cseReferralTo");
    String notes = form.text("cseReferralNotes");
    return (records, caseRef, user) ->
        records.addEntry(caseRef, "CSE_REFERRAL", task.getId(), "REFERRED", null, "To: " + to + "\n" + notes, user);
  }
}
