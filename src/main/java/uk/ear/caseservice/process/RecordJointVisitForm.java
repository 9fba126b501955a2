package uk.ear.caseservice.process;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.metrics.ServiceMetrics;

/**
 * Form_RecordJointVisit: when the worker arrived, what they found, the risk after the visit, and
 * the findings that decide the case's activities (a missing person's return, domestic abuse
 * disclosed, joint work with the police PPU).
 */
@Component("jointVisitFormListener")
class RecordJointVisitForm extends CaseFormListener {

  private final ServiceMetrics metrics;

  RecordJointVisitForm(FormContext context, ServiceMetrics metrics) {
    super(context);
    this.metrics = metrics;
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
    Instant returnedAt = form.pastDateTime("returnedAt");
    if (returnedAt != null && c.getCategory() != Category.MISSING_PERSON) {
      form.problem("'" + form.label("returnedAt") + "' is only for a missing person.");
    }
    boolean abuseDisclosed = form.flag("abuseDisclosed");
    boolean ppuInvolved = form.flag("ppuInvolved");
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
      records.recordVisitFindings(caseRef, returnedAt, abuseDisclosed, ppuInvolved);
      // a window missed was counted when it passed
      if (c.getResponseMissedAt() == null && c.getResponseDueAt() != null && !visitedAt.isAfter(c.getResponseDueAt())) {
        metrics.responseWindow(true);
      }
      task.getExecution().setVariable(CaseVariables.VISITED_OUT_OF_HOURS, byEdt);
    };
  }
}
