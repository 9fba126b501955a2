package uk.ear.caseservice.location;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormRejectedException;
import uk.ear.caseservice.process.FormValues;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Form_VisitVulnerableLocation: when the joint visit was made, who went, whether there were
 * concerns, and what was found. Checked on the server; the location's next visit falls due from
 * it. A location is not a case: nothing of the visit stays in the process.
 */
@Component("locationVisitFormListener")
class LocationVisitForm implements TaskListener {

  private final Locations locations;
  private final Clock clock;
  private final EarProperties properties;

  LocationVisitForm(Locations locations, Clock clock, EarProperties properties) {
    this.locations = locations;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task, clock, properties.zone(), CaseFormListener.deployedForm(task));
    Instant visitedAt = form.pastDateTime("locationVisitedAt");
    String attendees = form.text("locationVisitAttendees");
    String concerns = form.choice("locationConcerns");
    String notes = form.text("locationVisitNotes");
    if (!form.problems().isEmpty()) {
      throw new FormRejectedException(task.getName(), form.problems());
    }
    long locationId = ((Number) task.getVariable("locationId")).longValue();
    locations.recordVisit(locationId, visitedAt, CaseFormListener.userOf(task), attendees, concerns, notes);
    task.getExecution().removeVariables(List.copyOf(form.keys()));
  }
}
