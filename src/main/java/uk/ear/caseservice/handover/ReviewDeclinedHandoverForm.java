package uk.ear.caseservice.handover;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.process.NoteAndOutcomeForm;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ReviewDeclinedHandover: a receiving service said no. */
@Component("declinedHandoverFormListener")
class ReviewDeclinedHandoverForm extends NoteAndOutcomeForm {

  ReviewDeclinedHandoverForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("DECLINED_HANDOVER_REVIEW", "declinedHandoverNotes", "declinedHandoverAction", true, records, clock, properties);
  }
}
