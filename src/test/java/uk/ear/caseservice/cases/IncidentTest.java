package uk.ear.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Whether a call is about a child decides if closing it needs a manager's approval. */
class IncidentTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  // 23:30 UTC on 16 May 2027 is already 17 May in London (BST)
  static final Instant REPORTED = Instant.parse("2027-05-16T23:30:00Z");

  @Test
  void aSubjectNamedAsAChildIsAChild() {
    assertThat(call(Category.CONCERN_FOR_SAFETY, SubjectRole.CHILD, null).involvesChild(LONDON)).isTrue();
  }

  @Test
  void anAdultRoleUnderEighteenByDateOfBirthIsStillAChild() {
    // 18th birthday on 18 May 2027: still 17 on the London date of the call
    assertThat(call(Category.MENTAL_HEALTH, SubjectRole.ADULT, LocalDate.of(2009, 5, 18)).involvesChild(LONDON)).isTrue();
  }

  @Test
  void eighteenOnTheLondonDateOfTheCallIsAnAdult() {
    assertThat(call(Category.MENTAL_HEALTH, SubjectRole.ADULT, LocalDate.of(2009, 5, 17)).involvesChild(LONDON)).isFalse();
  }

  @Test
  void childCategoriesAreAboutChildren() {
    assertThat(call(Category.CHILD_SEXUAL_EXPLOITATION, SubjectRole.OTHER, null).involvesChild(LONDON)).isTrue();
    assertThat(call(Category.VULNERABLE_CHILD, SubjectRole.PARENT, null).involvesChild(LONDON)).isTrue();
    assertThat(call(Category.DOMESTIC_ABUSE, SubjectRole.ADULT, null).involvesChild(LONDON)).isFalse();
  }

  private static Incident call(Category category, SubjectRole role, LocalDate dateOfBirth) {
    Incident incident =
        new Incident("LC-1", "x", 2, category, District.PRESTON, "somewhere", "summary",
            REPORTED, null, null, REPORTED, "police");
    incident.addSubject("Sam Example", dateOfBirth, role);
    return incident;
  }
}
