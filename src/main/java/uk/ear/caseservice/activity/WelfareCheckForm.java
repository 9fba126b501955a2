package uk.ear.caseservice.activity;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/** Form_CarryOutWelfareCheck: when, whether the person was seen, and the check's own outcome. */
@Component("welfareCheckFormListener")
class WelfareCheckForm extends CaseFormListener {

  WelfareCheckForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("welfareOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    Instant checkedAt = form.pastDateTime("welfareCheckedAt");
    boolean seen = form.flag("personSeenAtCheck");
    String outcome = form.choice("welfareOutcome");
    String notes = form.text("welfareNotes");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "WELFARE_CHECK", task.getId(), outcome, checkedAt,
            (seen ? "Person seen." : "Person not seen.") + "\n" + notes, user);
  }
}
