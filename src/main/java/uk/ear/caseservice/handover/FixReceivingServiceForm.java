package uk.ear.caseservice.handover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_FixReceivingService: a manager has set the missing address; the pack is sent again. */
@Component("fixReceivingServiceFormListener")
class FixReceivingServiceForm extends CaseFormListener {

  FixReceivingServiceForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    if (!form.flag("receivingServiceFixed")) {
      form.problem(
          "Tick '" + form.label("receivingServiceFixed")
              + "' once the workers have the service's address.");
    }
    String notes = form.text("receivingServiceFixNotes");
    Object service = task.getVariable("receivingService");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "RECEIVING_SERVICE_FIXED", task.getId(), String.valueOf(service), null, notes, user);
  }
}
