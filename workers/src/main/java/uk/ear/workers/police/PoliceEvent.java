package uk.ear.workers.police;

/** What happened to the case, as the process tells it in {@code policeEvent}. */
public enum PoliceEvent {
  /** The call was taken on by (or joined to) an EAR case. */
  ATTACHED,
  /** The joint visit took place. */
  VISITED,
  /** The case was closed. */
  CLOSED
}
