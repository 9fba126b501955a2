package uk.ear.caseservice.support;

import org.springframework.stereotype.Component;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.NoteAndOutcomeForm;

/** Form_ApproveExtension: the one extension of intensive support. */
@Component("extensionApprovalFormListener")
class ApproveExtensionForm extends NoteAndOutcomeForm {

  ApproveExtensionForm(FormContext context) {
    super("EXTENSION_APPROVAL", "extensionDecisionNotes", "extensionDecision", true, context);
  }
}
