package uk.ear.caseservice.location;

/** The kinds of place the teams visit with the police on a rota. */
public enum LocationKind {
  CHILDRENS_HOME,
  HOSTEL,
  YOUTH_CLUB,
  OTHER
}
