package uk.ear.caseservice.cases;

/** What the service did with a police call or a hospital admission. */
public enum Route {
  JOINT_VISIT,
  DESK_SCREENING,
  REFERRED_OUT,
  LINKED_TO_OPEN_CASE,
  /** A case a hospital's admission opened: liaise with the hospital first. */
  HOSPITAL_LIAISON
}
