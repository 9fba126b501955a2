package uk.ear.caseservice.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/**
 * Form_ApproveSharing: the manager's decision to share without consent, with the lawful basis
 * (required when sharing) and why it is necessary and proportionate.
 */
@Component("sharingApprovalFormListener")
class ApproveSharingForm extends CaseFormListener {

  ApproveSharingForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("sharingDecision");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String decision = form.choice("sharingDecision");
    boolean approved = "APPROVE".equals(decision);
    String basis = approved ? form.choice("lawfulBasis", true) : null;
    String reason = form.text("sharingReason");
    return (records, caseRef, user) ->
        records.decideSharing(caseRef, approved, basis, reason, task.getId(), user);
  }
}
