package uk.ear.caseservice.shared;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings, under {@code ear.*}. {@code teams} lists the EAR teams whose Camunda
 * groups and permissions the service sets up; TeamForDistrict.dmn decides which covers a district.
 */
@ConfigurationProperties("ear")
public record EarProperties(
    @DefaultValue("Europe/London") ZoneId zone,
    @DefaultValue({"PRESTON", "BURNLEY"}) List<String> teams,
    @DefaultValue WorkingDay workingDay,
    @DefaultValue Edt edt,
    @DefaultValue Support support,
    @DefaultValue Retention retention,
    @DefaultValue Demo demo) {

  /**
   * @param closeOfBusiness a deadline of "N working days" falls due at this local time
   * @param extraHolidays one-off bank holidays announced after the library's data was published
   */
  public record WorkingDay(
      @DefaultValue("17:00") LocalTime closeOfBusiness,
      @DefaultValue List<LocalDate> extraHolidays) {}

  /**
   * Emergency Duty Team hours: from weekdayStart (Mon-Thu) or fridayStart until morningEnd. EDT
   * reads a case while it is offered or holds one of its tasks, and for {@code accessAfterWork}
   * after it last recorded something on it (to write up, or answer the morning team's questions).
   */
  public record Edt(
      @DefaultValue("17:00") LocalTime weekdayStart,
      @DefaultValue("16:30") LocalTime fridayStart,
      @DefaultValue("08:45") LocalTime morningEnd,
      @DefaultValue("PT12H") java.time.Duration accessAfterWork) {}

  /**
   * Intensive support: {@code period} (about six weeks), the case review falls due {@code
   * reviewBeforeEnd} before it ends, an approved extension adds up to {@code maxExtensionWeeks}.
   * Calendar periods in {@code zone}, not hours: six weeks from 10:00 ends at 10:00 even when the
   * clocks change in between.
   */
  public record Support(
      @DefaultValue("P42D") java.time.Period period,
      @DefaultValue("P7D") java.time.Period reviewBeforeEnd,
      @DefaultValue("6") int maxExtensionWeeks) {}

  /**
   * How long a closed case's personal data is kept (see docs/data-protection.md for the reasons):
   * a child's case until the youngest child's {@code childUntilAge}th birthday, an adult's {@code
   * adultAfterClosure} after closure, whichever is later when both apply; a call referred to the
   * district's own services {@code referredOutAfterClosure}. Audit rows are kept {@code audit}.
   * The job runs at {@code cron} (London time).
   */
  public record Retention(
      @DefaultValue("P6Y") java.time.Period adultAfterClosure,
      @DefaultValue("25") int childUntilAge,
      @DefaultValue("P2Y") java.time.Period referredOutAfterClosure,
      @DefaultValue("P7Y") java.time.Period audit,
      @DefaultValue("0 30 2 * * *") String cron) {}

  public record Demo(@DefaultValue("false") boolean identities, @DefaultValue("false") boolean cases) {}
}
