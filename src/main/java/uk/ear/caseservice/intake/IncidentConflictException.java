package uk.ear.caseservice.intake;

/** The incident reference is known already, with different content. */
public class IncidentConflictException extends RuntimeException {

  private final String incidentRef;

  public IncidentConflictException(String incidentRef) {
    super("incident " + incidentRef + " was already received with different content");
    this.incidentRef = incidentRef;
  }

  public String getIncidentRef() {
    return incidentRef;
  }
}
