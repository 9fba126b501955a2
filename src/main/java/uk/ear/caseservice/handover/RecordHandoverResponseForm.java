package uk.ear.caseservice.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_RecordHandoverResponse: the receiving service accepted or declined. */
@Component("handoverResponseFormListener")
class RecordHandoverResponseForm extends CaseFormListener {

  RecordHandoverResponseForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("handoverResponse");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String response = form.choice("handoverResponse");
    String notes = form.text("handoverResponseNotes");
    Object service = task.getVariable("receivingService");
    return (records, caseRef, user) -> {
      records.addEntry(
          caseRef, "HANDOVER_RESPONSE", task.getId(), service + ":" + response, null, notes, user);
      // each receiving service's answer belongs to its own handover, not the whole case
      task.getExecution().setVariableLocal("handoverResponse", response);
    };
  }
}
