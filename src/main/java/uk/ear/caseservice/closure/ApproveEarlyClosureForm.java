package uk.ear.caseservice.closure;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.process.NoteAndOutcomeForm;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ApproveEarlyClosure: closing a case before its work is done. */
@Component("earlyClosureApprovalFormListener")
class ApproveEarlyClosureForm extends NoteAndOutcomeForm {

  ApproveEarlyClosureForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("EARLY_CLOSURE_APPROVAL", "earlyClosureNotes", "earlyClosureDecision", true, records, clock, properties);
  }
}
