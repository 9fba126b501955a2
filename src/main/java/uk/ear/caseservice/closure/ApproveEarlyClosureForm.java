package uk.ear.caseservice.closure;

import org.springframework.stereotype.Component;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.NoteAndOutcomeForm;

/** Form_ApproveEarlyClosure: closing a case before its work is done. */
@Component("earlyClosureApprovalFormListener")
class ApproveEarlyClosureForm extends NoteAndOutcomeForm {

  ApproveEarlyClosureForm(FormContext context) {
    super("EARLY_CLOSURE_APPROVAL", "earlyClosureNotes", "earlyClosureDecision", true, context);
  }
}
