package uk.ear.caseservice.closure;

import org.springframework.stereotype.Component;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.NoteAndOutcomeForm;

/** Form_ApproveClosure: a manager approves closing a child's case with no further action. */
@Component("closureApprovalFormListener")
class ApproveClosureForm extends NoteAndOutcomeForm {

  ApproveClosureForm(FormContext context) {
    super("CLOSURE_APPROVAL", "closureDecisionNotes", "closureDecision", true, context);
  }
}
