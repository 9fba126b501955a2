package uk.ear.caseservice.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.cases.District;

/** A simulated month has the pilot's shape: 134 a day, Preston 15 %, evening and weekend peaks. */
class DemandShapeTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aMonthLooksLikeThePilots() {
    Instant start = LocalDate.of(2013, 10, 7).atStartOfDay(LONDON).toInstant(); // a Monday
    Instant end = LocalDate.of(2013, 11, 4).atStartOfDay(LONDON).toInstant(); // 28 days, across the clock change
    List<DemandShape.Call> calls = DemandShape.calls(start, end, 134, 0.08, LONDON, new SplittableRandom(1));

    assertThat(calls.size() / 28.0).isBetween(127.0, 141.0);
    assertThat(calls).isSortedAccordingTo(java.util.Comparator.comparing(DemandShape.Call::reportedAt));
    assertThat(calls).allMatch(c -> !c.reportedAt().isBefore(start) && c.reportedAt().isBefore(end));
    assertThat(calls).allMatch(c -> c.reportedAt().getEpochSecond() % 60 == 0);

    Map<District, Integer> byDistrict = new EnumMap<>(District.class);
    Map<DayOfWeek, Integer> byDay = new EnumMap<>(DayOfWeek.class);
    int evening = 0;
    for (DemandShape.Call call : calls) {
      byDistrict.merge(call.district(), 1, Integer::sum);
      var local = call.reportedAt().atZone(LONDON);
      byDay.merge(local.getDayOfWeek(), 1, Integer::sum);
      evening += local.getHour() >= 15 ? 1 : 0;
    }
    assertThat(100.0 * byDistrict.get(District.PRESTON) / calls.size()).isBetween(13.5, 16.5);
    double midweek = (byDay.get(DayOfWeek.MONDAY) + byDay.get(DayOfWeek.TUESDAY)
        + byDay.get(DayOfWeek.WEDNESDAY) + byDay.get(DayOfWeek.THURSDAY)) / 4.0;
    assertThat(byDay.get(DayOfWeek.FRIDAY)).isGreaterThan((int) (midweek * 1.1));
    assertThat(byDay.get(DayOfWeek.SATURDAY)).isGreaterThan((int) (midweek * 1.1));
    // 15:00-24:00 is 9 hours of 24, yet more than half the calls
    assertThat(100.0 * evening / calls.size()).isGreaterThan(50.0);
    // some calls are about somebody called about before (they join the open case)
    long people = calls.stream().map(DemandShape.Call::person).distinct().count();
    assertThat(people).isLessThan(calls.size()).isGreaterThan((long) (calls.size() * 0.85));
  }

  @Test
  void theSameSeedGivesTheSameMonth() {
    Instant start = LocalDate.of(2026, 3, 1).atStartOfDay(LONDON).toInstant();
    Instant end = start.plusSeconds(7 * 86400);
    assertThat(DemandShape.calls(start, end, 134, 0.08, LONDON, new SplittableRandom(5)))
        .isEqualTo(DemandShape.calls(start, end, 134, 0.08, LONDON, new SplittableRandom(5)));
  }
}
