package uk.ear.caseservice.cases;

/** What the service did with a police call. */
public enum Route {
  JOINT_VISIT,
  DESK_SCREENING,
  REFERRED_OUT,
  LINKED_TO_OPEN_CASE
}
