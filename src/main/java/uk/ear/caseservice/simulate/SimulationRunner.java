package uk.ear.caseservice.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.policy.EngineClock;

/**
 * {@code --ear.simulate.days=28}: before the service opens (and before the job executor starts),
 * simulates that many days of demand up to now, then hands over to real time. It runs before the
 * demo cases, which a database with cases does without. Settings:
 * {@code ear.simulate.calls-per-day} (134), {@code ear.simulate.staff-per-team} (6),
 * {@code ear.simulate.seed} (2013).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "ear.simulate.days")
class SimulationRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

  private final DemandSimulator simulator;
  private final Clock clock;
  private final int days;
  private final DemandSimulator.Settings settings;

  SimulationRunner(
      DemandSimulator simulator,
      Clock clock,
      @Value("${ear.simulate.days}") int days,
      @Value("${ear.simulate.calls-per-day:134}") double callsPerDay,
      @Value("${ear.simulate.staff-per-team:6}") int staffPerTeam,
      @Value("${ear.simulate.seed:2013}") long seed) {
    this.simulator = simulator;
    this.clock = clock;
    this.days = days;
    this.settings = new DemandSimulator.Settings(callsPerDay, DemandSimulator.Settings.pilot().repeatShare(), staffPerTeam, seed);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("ear.simulate.days must be 1-366, not " + days);
    }
    Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    try {
      DemandSimulator.Result result = simulator.simulate(end.minus(days, ChronoUnit.DAYS), end, settings);
      log.info("simulation done: {}", result);
    } finally {
      EngineClock.reset();
    }
  }
}
