package uk.ear.caseservice.cases;

/** Why a hospital tells the service of an admission, and the case category it opens. */
public enum HospitalReason {
  CHILD_UNEXPLAINED_INJURY(Category.VULNERABLE_CHILD),
  ADULT_AT_CRISIS_POINT(Category.VULNERABLE_ADULT),
  SELF_HARM(Category.MENTAL_HEALTH),
  OVERDOSE(Category.MENTAL_HEALTH),
  DOMESTIC_ABUSE_INJURY(Category.DOMESTIC_ABUSE),
  OTHER(Category.CONCERN_FOR_SAFETY);

  private final Category category;

  HospitalReason(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }
}
