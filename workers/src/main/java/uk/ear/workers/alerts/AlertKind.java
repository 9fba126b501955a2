package uk.ear.workers.alerts;

/** What is overdue ({@code alertKind}), as the duty manager reads it. */
public enum AlertKind {
  RESPONSE_WINDOW_MISSED("Response window missed", "the police response window passed without a recorded joint visit"),
  VISIT_STILL_OVERDUE("Joint visit still overdue", "the joint visit is still not recorded, well after the response window"),
  HANDOVER_UNACKNOWLEDGED("Handover not acknowledged", "the receiving service has not acknowledged the handover");

  private final String title;
  private final String explanation;

  AlertKind(String title, String explanation) {
    this.title = title;
    this.explanation = explanation;
  }

  public String title() {
    return title;
  }

  public String explanation() {
    return explanation;
  }
}
