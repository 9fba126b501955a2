package uk.ear.caseservice.activity;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/** Form_RecordConferenceOutcome: the conference's date and outcome (plan made, no plan, other). */
@Component("conferenceOutcomeFormListener")
class ConferenceOutcomeForm extends CaseFormListener {

  ConferenceOutcomeForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("conferenceOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    LocalDate heldOn = form.date("conferenceHeldOn", true, true);
    String outcome = form.choice("conferenceOutcome");
    String notes = form.text("conferenceNotes");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "CHILD_PROTECTION_CONFERENCE", task.getId(), outcome, null,
            "Held on " + heldOn + "\n" + notes, user);
  }
}
