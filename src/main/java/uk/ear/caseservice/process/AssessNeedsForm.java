package uk.ear.caseservice.process;

import org.springframework.stereotype.Component;

/** Form_AssessNeeds: the assessment summary and its outcome, which the process routes on. */
@Component("assessmentFormListener")
class AssessNeedsForm extends NoteAndOutcomeForm {

  AssessNeedsForm(FormContext context) {
    super("ASSESSMENT", "assessmentSummary", "assessmentOutcome", true, context);
  }
}
