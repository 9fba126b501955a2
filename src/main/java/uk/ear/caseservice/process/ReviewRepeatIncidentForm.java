package uk.ear.caseservice.process;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.Incident;
import uk.ear.caseservice.shared.EarProperties;

/** Form_ReviewRepeatIncident: what a new police call about an open case changes. */
@Component("repeatIncidentFormListener")
class ReviewRepeatIncidentForm extends CaseFormListener {

  ReviewRepeatIncidentForm(CaseRecords records, Clock clock, EarProperties properties) {
    super(records, clock, properties);
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
