package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.policy.EarProperties;

/** Form_ScreenCall: desk screening of a grade 4 call. */
@Component("screeningFormListener")
class ScreeningFormListener extends CaseFormListener {

  static final Set<String> OUTCOMES = Set.of("NO_FURTHER_ACTION", "REFER_ON");

  ScreeningFormListener(CaseRecords records, Clock clock, EarProperties properties) {
    super(records, clock, properties);
  }

  @Override
  Set<String> decisionKeys() {
    return Set.of("screeningOutcome");
  }

  @Override
  Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String notes = form.text("screeningNotes", "Screening notes", 4000, true);
    String outcome = form.choice("screeningOutcome", "Outcome", OUTCOMES, true);
    return (records, caseRef, user) ->
        records.addEntry(caseRef, "DESK_SCREENING", task.getId(), outcome, null, notes, user);
  }
}
