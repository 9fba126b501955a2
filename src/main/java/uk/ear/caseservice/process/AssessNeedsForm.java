package uk.ear.caseservice.process;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/** Form_AssessNeeds: the assessment summary and its outcome, which the process routes on. */
@Component("assessmentFormListener")
class AssessNeedsForm extends NoteAndOutcomeForm {

  AssessNeedsForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("ASSESSMENT", "assessmentSummary", "assessmentOutcome", true, records, clock, properties);
  }
}
