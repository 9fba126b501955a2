package uk.ear.caseservice.handover;

import org.springframework.stereotype.Component;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.NoteAndOutcomeForm;

/** Form_ReviewDeclinedHandover: a receiving service said no. */
@Component("declinedHandoverFormListener")
class ReviewDeclinedHandoverForm extends NoteAndOutcomeForm {

  ReviewDeclinedHandoverForm(FormContext context) {
    super("DECLINED_HANDOVER_REVIEW", "declinedHandoverNotes", "declinedHandoverAction", true, context);
  }
}
