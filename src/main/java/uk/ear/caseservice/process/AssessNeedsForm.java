package uk.ear.caseservice.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;

/**
 * Form_AssessNeeds, as practice assesses: for a child the three domains of the Assessment
 * Framework, for an adult the Care Act 2014 wellbeing outcomes at risk, and for everyone the
 * person's own views, a risk rating with its reasons, and the decision with its rationale. Which
 * part is required follows from the case (a child involved, as the intake recorded it), not from
 * the browser. The outcome stays a process variable for the gateway after the task.
 */
@Component("assessmentFormListener")
class AssessNeedsForm extends CaseFormListener {

  AssessNeedsForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("assessmentOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    boolean child = Boolean.TRUE.equals(task.getVariable(CaseVariables.CHILD_INVOLVED));
    String development = form.text("childDevelopmentalNeeds", child);
    String parenting = form.text("parentingCapacity", child);
    String family = form.text("familyAndEnvironment", child);
    List<String> atRisk = form.options("wellbeingAtRisk");
    String wellbeing = form.text("adultWellbeing", !child);
    String views = form.text("personsViews");
    String risk = form.choice("riskRating");
    String reasons = form.text("riskReasons");
    String rationale = form.text("assessmentSummary");
    String outcome = form.choice("assessmentOutcome");
    return (records, caseRef, user) -> {
      StringBuilder details = new StringBuilder();
      part(details, "Developmental needs", development);
      part(details, "Parenting capacity", parenting);
      part(details, "Family and environment", family);
      if (!atRisk.isEmpty()) {
        part(details, "Wellbeing at risk", String.join(", ", atRisk));
      }
      part(details, "Wellbeing", wellbeing);
      part(details, "Their views and wishes", views);
      part(details, "Risk " + risk, reasons);
      part(details, "Decision", rationale);
      records.addEntry(caseRef, "ASSESSMENT", task.getId(), outcome, null, details.toString().strip(), user);
    };
  }

  private static void part(StringBuilder details, String heading, String text) {
    if (text != null) {
      details.append(heading).append(": ").append(text).append('\n');
    }
  }
}
