package uk.ear.caseservice.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;

/** Form_HoldStrategyDiscussion: children's or adults' safeguarding, and what follows. */
@Component("strategyDiscussionFormListener")
class HoldStrategyDiscussionForm extends CaseFormListener {

  HoldStrategyDiscussionForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("safeguardingRoute", "strategyOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String route = form.choice("safeguardingRoute");
    String notes = form.text("strategyNotes");
    String outcome = form.choice("strategyOutcome");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "STRATEGY_DISCUSSION", task.getId(), route + "/" + outcome, null, notes, user);
  }
}
