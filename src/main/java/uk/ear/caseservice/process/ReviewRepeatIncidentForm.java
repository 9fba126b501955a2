package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.Incident;

/** Form_ReviewRepeatIncident: what a new police call about an open case changes. */
@Component("repeatIncidentFormListener")
class ReviewRepeatIncidentForm extends CaseFormListener {

  ReviewRepeatIncidentForm(FormContext context) {
    super(context);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String notes = form.text("reviewNotes");
    boolean riskChanged = form.flag("riskChanged");
    Object incidentRef = task.getVariable(CaseVariables.REPEAT_INCIDENT_REF);
    return (records, caseRef, user) ->
        records.addEntry(
            caseRef,
            "REPEAT_INCIDENT_REVIEW",
            task.getId(),
            riskChanged ? "RISK_CHANGED" : "RISK_UNCHANGED",
            null,
            "Incident " + incidentRef + ": " + notes,
            user);
  }
}
