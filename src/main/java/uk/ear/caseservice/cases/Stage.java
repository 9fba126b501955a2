package uk.ear.caseservice.cases;

/** Where a case stands, as the API and the dashboard show it. */
public enum Stage {
  AWAITING_VISIT,
  ASSESSMENT,
  INTENSIVE_SUPPORT,
  HANDOVER,
  CLOSED,
  REFERRED_OUT;

  public boolean isOpen() {
    return this != CLOSED && this != REFERRED_OUT;
  }
}
