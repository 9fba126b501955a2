package uk.ear.caseservice.activity;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ReviewJointActions: progress on the joint actions; end the joint work or review again. */
@Component("jointActionsReviewFormListener")
class JointActionsReviewForm extends CaseFormListener {

  private final Activities activities;
  private final EarProperties properties;

  JointActionsReviewForm(FormContext context, Activities activities) {
    super(context);
    this.activities = activities;
    this.properties = context.properties();
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("jointWorkOutcome");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String progress = form.text("jointWorkProgress");
    String outcome = form.choice("jointWorkOutcome");
    boolean again = "CONTINUE".equals(outcome);
    LocalDate next = form.date("nextReviewOn", again, false);
    return (records, caseRef, user) -> {
      records.addEntry(caseRef, "PPU_JOINT_REVIEW", task.getId(), outcome, null,
          progress + (again ? "\nNext review on " + next : ""), user);
      if (again) {
        JointActionsForm.reviewOn(next, caseRef, task, activities, properties);
      }
    };
  }
}
