package uk.ear.caseservice.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;

/** Form_ScreenCall: desk screening of a grade 4 call. The team's worker who screens it keeps the
 * case (as the visiting worker does), so a referral on lands with them; after an EDT screening
 * the team picks it up from its queue. */
@Component("screeningFormListener")
class ScreenCallForm extends CaseFormListener {

  ScreenCallForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("screeningOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String outcome = form.choice("screeningOutcome");
    String notes = form.text("screeningNotes");
    boolean byEdt = completedByEdt(task, c);
    return (records, caseRef, user) -> {
      records.addEntry(caseRef, "DESK_SCREENING", task.getId(), outcome, null, notes, user);
      if (!byEdt && c.getAllocatedWorker() == null) {
        records.allocate(caseRef, user);
      }
    };
  }
}
