package uk.ear.caseservice.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Response deadlines in Europe/London: exact windows across the clock change, working days. */
class DeadlinesTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  final WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.of(2030, 6, 3)));
  final Deadlines deadlines =
      new Deadlines(
          Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), LONDON),
          calendar,
          new OutOfHours(calendar, TestEarProperties.london()),
          TestEarProperties.london());

  @Test
  void gradeTwoHourCountsRealTimeAcrossTheAutumnClockChange() {
    // 01:30 BST on Sunday 27 October 2024; the clocks go back at 02:00 BST
    Instant reported = LocalDate.of(2024, 10, 27).atTime(1, 30).atZone(LONDON).toInstant();
    Instant due = deadlines.responseDue(reported, Duration.ofHours(1), null);
    assertThat(Duration.between(reported, due)).isEqualTo(Duration.ofHours(1));
    // on the wall clock that is 01:30 again, now GMT
    assertThat(due.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
    assertThat(due.atZone(LONDON).getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void gradeThreeFortyEightHoursAcrossTheSpringClockChange() {
    // Saturday 29 March 2025 12:00 GMT; clocks go forward on Sunday 30 March
    Instant reported = LocalDate.of(2025, 3, 29).atTime(12, 0).atZone(LONDON).toInstant();
    Instant due = deadlines.responseDue(reported, Duration.ofHours(48), null);
    assertThat(Duration.between(reported, due)).isEqualTo(Duration.ofHours(48));
    assertThat(due.atZone(LONDON).toLocalDateTime())
        .isEqualTo(LocalDate.of(2025, 3, 31).atTime(13, 0));
  }

  @ParameterizedTest(name = "a call on {0} is screened by close of business on {1}")
  @CsvSource({
    "2026-11-23, 2026-11-24", // Monday -> Tuesday
    "2026-11-27, 2026-11-30", // Friday -> Monday
    "2026-11-28, 2026-11-30", // Saturday -> Monday
    "2026-04-02, 2026-04-07", // Thursday before Good Friday -> Tuesday after Easter Monday
    "2026-12-24, 2026-12-29", // Christmas Eve -> Boxing Day's substitute Monday 28th is a holiday
    "2026-05-22, 2026-05-26", // Friday before the Spring bank holiday
    "2026-08-28, 2026-09-01", // Friday before the Summer bank holiday
    "2030-05-31, 2030-06-04" // a configured one-off bank holiday (3 June 2030) is skipped
  })
  void nextWorkingDaySkipsWeekendsAndEnglandAndWalesBankHolidays(
      LocalDate called, LocalDate expected) {
    Instant reported = called.atTime(21, 15).atZone(LONDON).toInstant();
    Instant due = deadlines.responseDue(reported, null, 1);
    assertThat(due).isEqualTo(expected.atTime(17, 0).atZone(LONDON).toInstant());
  }

  @Test
  void scottishOnlyHolidaysAreWorkingDays() {
    // 2 January and St Andrew's Day are Scottish bank holidays, not English or Welsh
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
    assertThat(calendar.isBankHoliday(LocalDate.of(2026, 8, 31))).isTrue();
  }

  @Test
  void workingDayDeadlineUsesLondonDateNotUtcDate() {
    // 00:30 BST on Tuesday 2 June is 23:30 UTC on Monday: the London date (Tuesday) counts.
    Instant reported = Instant.parse("2026-06-01T23:30:00Z");
    assertThat(deadlines.workingDaysAfter(reported, 1))
        .isEqualTo(LocalDate.of(2026, 6, 3).atTime(17, 0).atZone(LONDON).toInstant());
  }

  @Test
  void aWindowNeedsADurationOrWorkingDays() {
    assertThatThrownBy(() -> deadlines.responseDue(Instant.EPOCH, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bpmnHelpersCountFromTheServiceClock() {
    assertThat(deadlines.hoursFromNow(2).toInstant()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    assertThat(deadlines.workingDaysFromNow(5).toInstant())
        .isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
  }

  @ParameterizedTest(name = "at {0} the team is on duty, plus 2 hours, at {1}")
  @CsvSource({
    "2026-11-27T23:00, 2026-11-30T10:45", // Friday night, EDT -> Monday 08:45 + 2h
    "2026-11-24T10:00, 2026-11-24T12:00" //  in hours: now + 2h
  })
  void teamOnDutyPlusHoursWaitsForTheTeam(LocalDateTime now, LocalDateTime expected) {
    Deadlines withEdtHours =
        new Deadlines(
            Clock.fixed(now.atZone(LONDON).toInstant(), LONDON),
            calendar,
            new OutOfHours(calendar, TestEarProperties.london()),
            TestEarProperties.london());
    assertThat(withEdtHours.teamOnDutyPlusHours(2).toInstant())
        .isEqualTo(expected.atZone(LONDON).toInstant());
  }
}
