package uk.ear.caseservice.activity;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/** Form_LiaiseWithHospital: what the hospital said and whether the person's needs are assessed. */
@Component("hospitalLiaisonFormListener")
class HospitalLiaisonForm extends CaseFormListener {

  HospitalLiaisonForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("liaisonOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    Instant contactedAt = form.pastDateTime("hospitalContactedAt");
    String notes = form.text("liaisonNotes");
    String outcome = form.choice("liaisonOutcome");
    return (records, caseRef, user) ->
        records.addEntry(caseRef, "HOSPITAL_LIAISON", task.getId(), outcome, contactedAt, notes, user);
  }
}
