package uk.ear.caseservice.cases;

public enum SubjectRole {
  CHILD,
  ADULT,
  PARENT,
  CARER,
  ALLEGED_PERPETRATOR,
  OTHER
}
