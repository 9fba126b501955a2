package uk.ear.caseservice.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.policy.Deadlines;

/**
 * When each activity is due, from when it starts (Europe/London, working days without England and
 * Wales bank holidays):
 * <ul>
 *   <li>a return home interview: 72 hours after the return recorded at the visit, elapsed time,
 *       so right across a clock change (statutory for a child);
 *   <li>a welfare check and a DASH checklist: one working day (a decision on a referral about a
 *       child is due within one working day);
 *   <li>agreeing joint actions with the PPU: two working days;
 *   <li>hospital liaison: four hours, when the admission's caller gives no due date.
 * </ul>
 */
@Component
public class ActivityDeadlines {

  static final Duration RETURN_INTERVIEW_WITHIN = Duration.ofHours(72);
  /** A hospital liaison: four hours from the admission (the admissions intake sets it so). */
  public static final Duration LIAISON_WITHIN = Duration.ofHours(4);

  private final CaseRecords records;
  private final Deadlines deadlines;
  private final Clock clock;

  ActivityDeadlines(CaseRecords records, Deadlines deadlines, Clock clock) {
    this.records = records;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  public Instant dueAt(ActivityKind kind, String caseRef) {
    Instant now = clock.instant();
    return switch (kind) {
      case RETURN_INTERVIEW -> {
        Instant returned = records.get(caseRef).getReturnedAt();
        yield (returned == null ? now : returned).plus(RETURN_INTERVIEW_WITHIN);
      }
      case WELFARE_CHECK, DOMESTIC_ABUSE_RISK -> deadlines.workingDaysAfter(now, 1);
      case PPU_JOINT_WORK -> deadlines.workingDaysAfter(now, 2);
      case HOSPITAL_LIAISON -> now.plus(LIAISON_WITHIN);
    };
  }
}
