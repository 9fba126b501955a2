package uk.ear.caseservice.handover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_ChaseHandover: no answer after five working days. */
@Component("chaseHandoverFormListener")
class ChaseHandoverForm extends CaseFormListener {

  ChaseHandoverForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String notes = form.text("chaseNotes");
    Object service = task.getVariable("receivingService");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "HANDOVER_CHASED", task.getId(), String.valueOf(service), null, notes, user);
  }
}
