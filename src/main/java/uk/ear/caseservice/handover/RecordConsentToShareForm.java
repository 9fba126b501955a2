package uk.ear.caseservice.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/**
 * Form_RecordConsentToShare: whether the person consents to the handover pack going to the chosen
 * services. Given: the pack is shared on consent. Refused or not sought: a manager decides.
 */
@Component("consentToShareFormListener")
class RecordConsentToShareForm extends CaseFormListener {

  RecordConsentToShareForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("consentToShare");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String consent = form.choice("consentToShare");
    String notes = form.text("consentNotes");
    return (records, caseRef, user) -> records.recordConsentToShare(caseRef, consent, notes, task.getId(), user);
  }
}
