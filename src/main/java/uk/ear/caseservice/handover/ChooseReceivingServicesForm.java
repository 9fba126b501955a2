package uk.ear.caseservice.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_ChooseReceivingServices: one or more core services to hand over to. */
@Component("handoverChoiceFormListener")
class ChooseReceivingServicesForm extends CaseFormListener {

  ChooseReceivingServicesForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("receivingServices");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    List<String> services = form.options("receivingServices");
    String summary = form.text("handoverSummary");
    return (records, caseRef, user) -> {
      records.addEntry(
          caseRef, "HANDOVER_PLAN", task.getId(), String.join(",", services), null, summary, user);
      // the multi-instance handover runs over a plain list of service codes
      task.getExecution().setVariable("receivingServices", new ArrayList<>(services));
    };
  }
}
