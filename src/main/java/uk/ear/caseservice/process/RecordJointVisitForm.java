package uk.ear.caseservice.process;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;

/** Form_RecordJointVisit: when the worker arrived, what they found, the risk after the visit. */
@Component("jointVisitFormListener")
class RecordJointVisitForm extends CaseFormListener {

  RecordJointVisitForm(FormContext context) {
    super(context);
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("riskLevel");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    Instant visitedAt = form.pastDateTime("visitedAt");
    if (visitedAt != null && visitedAt.isBefore(c.getReportedAt())) {
      form.problem("'" + form.label("visitedAt") + "' cannot be before the police logged the call.");
    }
    String attendees = form.text("visitAttendees");
    boolean personSeen = form.flag("personSeen");
    String risk = form.choice("riskLevel");
    String notes = form.text("visitNotes");
    boolean byEdt = completedByEdt(task, c);
    return (records, caseRef, user) -> {
      String details =
          (personSeen ? "Person seen." : "Person not seen.")
              + (attendees == null ? "" : "\nAttended: " + attendees)
              + "\n"
              + notes;
      // the visiting worker keeps the case; after an EDT visit the morning team reviews and takes it
      records.recordVisit(caseRef, visitedAt, user, !byEdt, task.getId(), risk, details);
      task.getExecution().setVariable(CaseVariables.VISITED_OUT_OF_HOURS, byEdt);
    };
  }
}
