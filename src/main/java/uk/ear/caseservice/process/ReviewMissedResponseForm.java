package uk.ear.caseservice.process;

import org.springframework.stereotype.Component;

/** Form_ReviewMissedResponse: the manager records why the window was missed and what they did. */
@Component("missedResponseFormListener")
class ReviewMissedResponseForm extends NoteAndOutcomeForm {

  ReviewMissedResponseForm(FormContext context) {
    super("MISSED_RESPONSE_REVIEW", "managerActions", "breachReason", false, context);
  }
}
