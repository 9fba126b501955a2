package uk.ear.caseservice.closure;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.process.NoteAndOutcomeForm;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ApproveClosure: a manager approves closing a child's case with no further action. */
@Component("closureApprovalFormListener")
class ApproveClosureForm extends NoteAndOutcomeForm {

  ApproveClosureForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("CLOSURE_APPROVAL", "closureDecisionNotes", "closureDecision", true, records, clock, properties);
  }
}
