package uk.ear.caseservice.process;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ReviewOverdueVisit: the second escalation, to all managers. */
@Component("overdueVisitFormListener")
class ReviewOverdueVisitForm extends NoteAndOutcomeForm {

  ReviewOverdueVisitForm(CaseRecords records, Clock clock, EarProperties properties) {
    super("OVERDUE_VISIT_REVIEW", "overdueNotes", "overdueAction", false, records, clock, properties);
  }
}
