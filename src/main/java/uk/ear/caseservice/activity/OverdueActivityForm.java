package uk.ear.caseservice.activity;

import org.springframework.stereotype.Component;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.NoteAndOutcomeForm;

/** Form_ReviewOverdueActivity: a manager's review of any late activity: why, and what now. */
@Component("overdueActivityFormListener")
class OverdueActivityForm extends NoteAndOutcomeForm {

  OverdueActivityForm(FormContext context) {
    super("OVERDUE_ACTIVITY_REVIEWED", "lateActivityReason", "lateActivityAction", false, context);
  }
}
