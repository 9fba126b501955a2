package uk.ear.caseservice.activity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/**
 * Form_HoldReturnInterview: where they were, who with, push and pull factors, and the signs of
 * exploitation seen. Any sign leads to a referral to the child sexual exploitation team: the
 * service decides that ({@code returnInterviewOutcome}), not the client.
 */
@Component("returnInterviewFormListener")
class ReturnInterviewForm extends CaseFormListener {

  static final String OUTCOME = "returnInterviewOutcome";
  static final String EXPLOITATION_INDICATED = "EXPLOITATION_INDICATED";
  static final String NO_INDICATORS = "NO_EXPLOITATION_INDICATED";

  ReturnInterviewForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    Instant heldAt = form.pastDateTime("interviewHeldAt");
    if (heldAt != null && c.getReturnedAt() != null && heldAt.isBefore(c.getReturnedAt())) {
      form.problem("'" + form.label("interviewHeldAt") + "' cannot be before the return recorded at the visit.");
    }
    String whereabouts = form.text("whereabouts");
    String withWhom = form.text("withWhom");
    String push = form.text("pushFactors");
    String pull = form.text("pullFactors");
    List<String> indicators = form.options("exploitationIndicators");
    String notes = form.text("interviewNotes");
    String outcome = indicators.isEmpty() ? NO_INDICATORS : EXPLOITATION_INDICATED;
    return (records, caseRef, user) -> {
      String details =
          "Where: " + whereabouts
              + "\nWith: " + withWhom
              + (push == null ? "" : "\nPush factors: " + push)
              + (pull == null ? "" : "\nPull factors: " + pull)
              + "\nSigns of exploitation: " + (indicators.isEmpty() ? "none" : String.join(", ", indicators))
              + "\n" + notes;
      records.addEntry(caseRef, "RETURN_INTERVIEW", task.getId(), outcome, heldAt, details, user);
      task.getExecution().setVariable(OUTCOME, outcome);
    };
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of();
  }
}
