package uk.ear.caseservice.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Deadlines in Europe/London. Elapsed-time windows ("within 1 hour") are exact durations, so they
 * are right across the clock change; working-day deadlines fall due at close of business on an
 * England and Wales working day. Exposed to BPMN expressions as {@code deadlines}.
 */
public class Deadlines {

  private final Clock clock;
  private final WorkingCalendar calendar;
  private final EarProperties properties;
  private final OutOfHours outOfHours;

  public Deadlines(
      Clock clock, WorkingCalendar calendar, OutOfHours outOfHours, EarProperties properties) {
    this.clock = clock;
    this.calendar = calendar;
    this.outOfHours = outOfHours;
    this.properties = properties;
  }

  /** When a response to a call logged at {@code from} is due: a duration, or N working days. */
  public Instant responseDue(Instant from, Duration window, Integer workingDays) {
    if (window != null) {
      return from.plus(window);
    }
    if (workingDays != null) {
      return workingDaysAfter(from, workingDays);
    }
    throw new IllegalArgumentException("a response window needs a duration or working days");
  }

  /** Close of business on the n-th working day after the London date of {@code from}. */
  public Instant workingDaysAfter(Instant from, int workingDays) {
    ZonedDateTime local = from.atZone(properties.zone());
    return calendar
        .plusWorkingDays(local.toLocalDate(), workingDays)
        .atTime(properties.workingDay().closeOfBusiness())
        .atZone(properties.zone())
        .toInstant();
  }

  // --- for BPMN expressions: the engine's timers and due dates take java.util.Date

  public Date hoursFromNow(int hours) {
    return Date.from(clock.instant().plus(Duration.ofHours(hours)));
  }

  public Date workingDaysFromNow(int workingDays) {
    return Date.from(workingDaysAfter(clock.instant(), workingDays));
  }

  /**
   * Close of business today, on a working day before close of business; otherwise close of
   * business on the next working day: for "the same working day".
   */
  public Date endOfWorkingDay() {
    Instant now = clock.instant();
    ZonedDateTime local = now.atZone(properties.zone());
    Instant today =
        local.toLocalDate().atTime(properties.workingDay().closeOfBusiness()).atZone(properties.zone()).toInstant();
    if (calendar.isWorkingDay(local.toLocalDate()) && now.isBefore(today)) {
      return Date.from(today);
    }
    return Date.from(workingDaysAfter(now, 1));
  }

  /** {@code hours} after the team is next on duty (now, in hours): for what EDT hands on. */
  public Date teamOnDutyPlusHours(int hours) {
    return Date.from(outOfHours.teamOnDutyFrom(clock.instant()).plus(Duration.ofHours(hours)));
  }
}
