package uk.ear.caseservice.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Emergency Duty Team hours at their edges, on weekends and bank holidays, across DST. */
class OutOfHoursTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  final OutOfHours edt =
      new OutOfHours(
          new WorkingCalendar(Set.of()),
          TestEarProperties.london());

  @ParameterizedTest(name = "{0} out of hours: {1}")
  @CsvSource({
    "2026-11-23T08:44, true", //  Monday before the team starts
    "2026-11-23T08:45, false", // Monday, team on duty
    "2026-11-23T16:59, false",
    "2026-11-23T17:00, true", //  Monday evening: EDT
    "2026-11-26T23:30, true", //  Thursday night
    "2026-11-27T16:29, false", // Friday afternoon
    "2026-11-27T16:30, true", //  Friday from 16:30
    "2026-11-28T12:00, true", //  Saturday
    "2026-11-29T12:00, true", //  Sunday
    "2026-12-28T12:00, true", //  Monday 28 December 2026: Boxing Day's substitute bank holiday
    "2026-12-29T09:00, false", // back to work
    "2026-03-30T09:00, false", // first Monday of BST: 09:00 local is in hours
    "2026-04-06T10:00, true" //   Easter Monday
  })
  void edtHours(LocalDateTime local, boolean outOfHours) {
    assertThat(edt.isOutOfHours(local.atZone(LONDON).toInstant())).isEqualTo(outOfHours);
  }

  @ParameterizedTest(name = "a call at {0}: the team picks it up at {1}")
  @CsvSource({
    "2026-11-27T20:00, 2026-11-30T08:45", // Friday night -> Monday morning
    "2026-11-24T06:00, 2026-11-24T08:45", // early Tuesday -> same morning
    "2026-12-24T18:00, 2026-12-29T08:45", // Christmas Eve -> after the Christmas bank holidays
    "2026-11-24T10:00, 2026-11-24T10:00" //  in hours: now
  })
  void teamOnDutyFrom(LocalDateTime call, LocalDateTime expected) {
    assertThat(edt.teamOnDutyFrom(call.atZone(LONDON).toInstant()))
        .isEqualTo(expected.atZone(LONDON).toInstant());
  }
}
