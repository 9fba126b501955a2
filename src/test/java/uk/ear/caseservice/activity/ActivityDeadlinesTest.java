package uk.ear.caseservice.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.policy.Deadlines;
import uk.ear.caseservice.policy.OutOfHours;
import uk.ear.caseservice.policy.TestEarProperties;
import uk.ear.caseservice.policy.WorkingCalendar;

/** When the case service says each activity is due, in Europe/London. */
class ActivityDeadlinesTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aReturnInterviewIsDue72RealHoursAfterTheReturnAcrossTheClockChange() {
    // returned Saturday 26 October 2013 at 10:00 BST; the clocks go back that night
    Instant returned = Instant.parse("2013-10-26T09:00:00Z");
    Instant due = deadlines(returned.plus(Duration.ofDays(1)), returned).dueAt(ActivityKind.RETURN_INTERVIEW, "C");

    assertThat(Duration.between(returned, due)).isEqualTo(Duration.ofHours(72));
    // on the wall clock that is 09:00 GMT on Tuesday, an hour "earlier" than the return
    assertThat(due.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(due.atZone(LONDON).getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void aWelfareCheckBeforeEasterIsDueTheNextWorkingDayAfterIt() {
    // Thursday 17 April 2014: Good Friday and Easter Monday are bank holidays
    Instant now = Instant.parse("2014-04-17T09:00:00Z");
    assertThat(deadlines(now, null).dueAt(ActivityKind.WELFARE_CHECK, "C"))
        .isEqualTo(Instant.parse("2014-04-22T16:00:00Z"));
    assertThat(deadlines(now, null).dueAt(ActivityKind.PPU_JOINT_WORK, "C"))
        .isEqualTo(Instant.parse("2014-04-23T16:00:00Z"));
  }

  @Test
  void theSameWorkingDayEndsAtCloseOfBusinessOrOnTheNextWorkingDay() {
    var properties = TestEarProperties.london();
    var calendar = new WorkingCalendar(Set.of());
    // Thursday 17 April 2014, 10:00 BST: today, 17:00 BST
    assertThat(sameDay(Instant.parse("2014-04-17T09:00:00Z"), calendar, properties))
        .isEqualTo(Instant.parse("2014-04-17T16:00:00Z"));
    // 18:00 BST the same day: after close of business, so Tuesday after Easter
    assertThat(sameDay(Instant.parse("2014-04-17T17:00:00Z"), calendar, properties))
        .isEqualTo(Instant.parse("2014-04-22T16:00:00Z"));
    // Good Friday morning: not a working day
    assertThat(sameDay(Instant.parse("2014-04-18T08:00:00Z"), calendar, properties))
        .isEqualTo(Instant.parse("2014-04-22T16:00:00Z"));
  }

  private static Instant sameDay(Instant now, WorkingCalendar calendar, uk.ear.caseservice.shared.EarProperties properties) {
    Clock clock = Clock.fixed(now, LONDON);
    return new Deadlines(clock, calendar, new OutOfHours(calendar, properties), properties)
        .endOfWorkingDay()
        .toInstant();
  }

  private static ActivityDeadlines deadlines(Instant now, Instant returnedAt) {
    var properties = TestEarProperties.london();
    var calendar = new WorkingCalendar(Set.of());
    Clock clock = Clock.fixed(now, LONDON);
    CaseRecords records = mock(CaseRecords.class);
    CaseRecord c = mock(CaseRecord.class);
    when(records.get("C")).thenReturn(c);
    when(c.getReturnedAt()).thenReturn(returnedAt);
    return new ActivityDeadlines(
        records, new Deadlines(clock, calendar, new OutOfHours(calendar, properties), properties), clock);
  }
}
