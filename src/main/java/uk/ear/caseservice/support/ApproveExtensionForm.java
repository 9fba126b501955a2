package uk.ear.caseservice.support;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.process.NoteAndOutcomeForm;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ApproveExtension: the one extension of intensive support. */
@Component("extensionApprovalFormListener")
class ApproveExtensionForm extends NoteAndOutcomeForm {

  ApproveExtensionForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("EXTENSION_APPROVAL", "extensionDecisionNotes", "extensionDecision", true, records, clock, properties);
  }
}
