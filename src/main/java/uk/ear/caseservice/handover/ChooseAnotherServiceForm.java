package uk.ear.caseservice.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_ChooseAnotherService: the handover goes to another service instead. */
@Component("anotherServiceFormListener")
class ChooseAnotherServiceForm extends CaseFormListener {

  ChooseAnotherServiceForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    // the handover's own service: the pack is sent to the new one
    return Set.of("receivingService");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String service = form.choice("receivingService");
    String notes = form.text("anotherServiceNotes");
    return (records, caseRef, user) ->
        records.addEntry(caseRef, "HANDOVER_REDIRECTED", task.getId(), service, null, notes, user);
  }
}
