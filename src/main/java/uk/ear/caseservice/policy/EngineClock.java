package uk.ear.caseservice.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the service: the engine's. Tests move it with {@code ClockUtil.setCurrentTime},
 * and deadlines, timers and case records all see the same "now".
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  /** Moves the service's "now" (tests, the demand simulation). */
  public static void set(Instant now) {
    ClockUtil.setCurrentTime(java.util.Date.from(now));
  }

  /** Back to real time. */
  public static void reset() {
    ClockUtil.reset();
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
