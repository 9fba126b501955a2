package uk.ear.caseservice.activity;

/** Planned after the visit, open while its process runs, then done or cancelled with the case. */
public enum ActivityStatus {
  PLANNED,
  OPEN,
  DONE,
  CANCELLED
}
