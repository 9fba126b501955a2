package uk.ear.caseservice.process;

import org.springframework.stereotype.Component;

/** Form_ReviewOverdueVisit: the second escalation, to all managers. */
@Component("overdueVisitFormListener")
class ReviewOverdueVisitForm extends NoteAndOutcomeForm {

  ReviewOverdueVisitForm(FormContext context) {
    super("OVERDUE_VISIT_REVIEW", "overdueNotes", "overdueAction", false, context);
  }
}
