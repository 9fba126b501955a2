package uk.ear.caseservice.process;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ReviewMissedResponse: the manager records why the window was missed and what they did. */
@Component("missedResponseFormListener")
class ReviewMissedResponseForm extends NoteAndOutcomeForm {

  ReviewMissedResponseForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("MISSED_RESPONSE_REVIEW", "managerActions", "breachReason", false, records, clock, properties);
  }
}
