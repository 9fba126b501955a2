package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.policy.EarProperties;

/** Form_AssessNeeds: the assessment summary and its outcome, which the process routes on. */
@Component("assessmentFormListener")
class AssessmentFormListener extends CaseFormListener {

  static final Set<String> OUTCOMES =
      Set.of("NO_FURTHER_ACTION", "REFER_ON", "SAFEGUARDING_REFERRAL", "INTENSIVE_SUPPORT");

  AssessmentFormListener(CaseRecords records, Clock clock, EarProperties properties) {
    super(records, clock, properties);
  }

  @Override
  Set<String> decisionKeys() {
    return Set.of("assessmentOutcome");
  }

  @Override
  Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String summary = form.text("assessmentSummary", "Assessment summary", 4000, true);
    String outcome = form.choice("assessmentOutcome", "Outcome", OUTCOMES, true);
    return (records, caseRef, user) ->
        records.addEntry(caseRef, "ASSESSMENT", task.getId(), outcome, null, summary, user);
  }
}
