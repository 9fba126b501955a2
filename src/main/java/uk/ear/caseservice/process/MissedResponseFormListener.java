package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.policy.EarProperties;

/** Form_ReviewMissedResponse: the manager records why the window was missed and what they did. */
@Component("missedResponseFormListener")
class MissedResponseFormListener extends CaseFormListener {

  static final Set<String> REASONS =
      Set.of("NO_WORKER_AVAILABLE", "POLICE_DELAYED", "PERSON_NOT_FOUND", "OTHER");

  MissedResponseFormListener(CaseRecords records, Clock clock, EarProperties properties) {
    super(records, clock, properties);
  }

  @Override
  Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String reason = form.choice("breachReason", "Why was the window missed?", REASONS, true);
    String actions = form.text("managerActions", "What have you done about it?", 2000, true);
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "MISSED_RESPONSE_REVIEW", task.getId(), reason, null, actions, user);
  }
}
