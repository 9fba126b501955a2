package uk.ear.caseservice.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Emergency Duty Team hours, from configuration ({@code ear.edt.*}): Monday to Thursday from
 * {@code weekday-start}, Friday from {@code friday-start}, each until {@code morning-end} on the next
 * working day; weekends and England and Wales bank holidays all day. Times are Europe/London.
 */
public class OutOfHours {

  private final WorkingCalendar calendar;
  private final EarProperties properties;

  public OutOfHours(WorkingCalendar calendar, EarProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  public boolean isOutOfHours(Instant at) {
    ZonedDateTime local = at.atZone(properties.zone());
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (!calendar.isWorkingDay(day)) {
      return true;
    }
    EarProperties.Edt edt = properties.edt();
    LocalTime closes = day.getDayOfWeek() == DayOfWeek.FRIDAY ? edt.fridayStart() : edt.weekdayStart();
    return time.isBefore(edt.morningEnd()) || !time.isBefore(closes);
  }

  /** When the team is next on duty: {@code at} itself in hours, else the next morning it opens. */
  public Instant teamOnDutyFrom(Instant at) {
    if (!isOutOfHours(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(properties.zone());
    LocalDate day = local.toLocalDate();
    if (!calendar.isWorkingDay(day) || !local.toLocalTime().isBefore(properties.edt().morningEnd())) {
      day = calendar.plusWorkingDays(day, 1);
    }
    return day.atTime(properties.edt().morningEnd()).atZone(properties.zone()).toInstant();
  }
}
