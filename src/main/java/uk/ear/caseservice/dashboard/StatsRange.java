package uk.ear.caseservice.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import uk.ear.caseservice.web.BadParameterException;

/**
 * The dates a figure covers, as a manager picks them: {@code from} and {@code to} are London
 * calendar days, both included; by default the eight weeks up to today (long enough to see a case
 * through its six weeks of support).
 */
record StatsRange(LocalDate from, LocalDate to, Instant start, Instant end) {

  static final int DEFAULT_DAYS = 56;
  static final int MAX_DAYS = 400;

  static StatsRange of(LocalDate from, LocalDate to, LocalDate today, ZoneId zone) {
    LocalDate last = to != null ? to : today;
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
    if (first.isAfter(last)) {
      throw new BadParameterException("to", "must be on or after from (" + first + ")");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw new BadParameterException("to", "must be at most " + MAX_DAYS + " days after from");
    }
    return new StatsRange(
        first, last, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
  }

  boolean contains(Instant at) {
    return at != null && !at.isBefore(start) && at.isBefore(end);
  }
}
