package uk.ear.caseservice.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.ear.caseservice.policy.WorkingCalendar;
import uk.ear.caseservice.process.CaseProcess;

/**
 * The whole service on a random port, as every end-to-end class sees it. What is declared here is
 * Spring's test-context cache key (with the profiles, e.g. {@link OnH2}): classes that extend this
 * and add the same profiles share one running application. Declare bean overrides here only; one
 * in a subclass gives that class a context of its own, and another minute of start-up.
 *
 * <p>Who gets new work depends on the time (the team in office hours, the Emergency Duty Team
 * otherwise), so every test starts at 10:00 on the next England and Wales working day: the
 * service's one clock is the engine's. A test about out-of-hours work moves it with {@link
 * #clockAt}.
 *
 * <p>The database can be taken away and given back ({@link SwitchableDatabase}, for the outage
 * test); for every other test it is the pool as configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SwitchableDatabase.class)
abstract class EndToEndTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** "Now" as the service sees it. */
  static final java.time.Clock ENGINE = new uk.ear.caseservice.policy.EngineClock(LONDON);

  @LocalServerPort int port;

  /** A spy, so a test can make the process start fail; Mockito resets it after each test. */
  @MockitoSpyBean CaseProcess caseProcess;

  /** 10:00 London on the next working day after today: in office hours, after any real "now". */
  static Instant nextWorkingMorning() {
    LocalDate day = new WorkingCalendar(Set.of()).plusWorkingDays(LocalDate.now(LONDON), 1);
    return day.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
  }

  /** This application's engine, for {@link #ownEngine}. */
  @Autowired ProcessEngine processEngine;

  /**
   * {@code /engine-rest} and the webapps find their engine by name in Camunda's static registry,
   * where the last started application's "default" engine wins. With the H2 and the PostgreSQL
   * applications alive in one JVM (Spring caches both contexts), this application's requests must
   * reach this application's engine, or they run against the other one, unauthenticated.
   */
  @BeforeEach
  void ownEngine() {
    ProcessEngines.registerProcessEngine(processEngine);
  }

  @BeforeEach
  void officeHours() {
    clockAt(nextWorkingMorning());
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  static void clockAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
