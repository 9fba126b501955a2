package uk.ear.caseservice.policy;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import uk.ear.caseservice.shared.EarProperties;

/** The service's settings as the tests assume them: the defaults of application.yml. */
public final class TestEarProperties {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private TestEarProperties() {}

  public static EarProperties london() {
    return new EarProperties(
        LONDON,
        List.of("PRESTON", "BURNLEY"),
        new EarProperties.WorkingDay(LocalTime.of(17, 0), List.of()),
        new EarProperties.Edt(LocalTime.of(17, 0), LocalTime.of(16, 30), LocalTime.of(8, 45), java.time.Duration.ofHours(12)),
        new EarProperties.Support(Period.ofDays(42), Period.ofDays(7), 6),
        new EarProperties.Retention(Period.ofYears(6), 25, Period.ofYears(2), Period.ofYears(7), "0 30 2 * * *"),
        new EarProperties.Demo(false, false));
  }
}
