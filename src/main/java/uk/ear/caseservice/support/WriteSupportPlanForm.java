package uk.ear.caseservice.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormValues;

/** Form_WriteSupportPlan: the goals of the six weeks. */
@Component("supportPlanFormListener")
class WriteSupportPlanForm extends CaseFormListener {

  WriteSupportPlanForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String goals = form.text("supportGoals");
    String plan = form.text("supportPlanNotes");
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef, "SUPPORT_PLAN", task.getId(), null, null, goals + "\n\n" + plan, user);
  }
}
