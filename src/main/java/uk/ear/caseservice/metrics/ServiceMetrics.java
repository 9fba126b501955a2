package uk.ear.caseservice.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Stage;

/**
 * The service's figures at {@code /actuator/prometheus} (administrators and monitoring only):
 * calls received by grade and district, response windows met and missed, escalations by kind,
 * open cases by stage, and the engine's health as a manager would ask it: incidents of the
 * external tasks, the job executor's backlog, and how late the oldest due timer is.
 */
@Component
public class ServiceMetrics {

  private final MeterRegistry registry;

  public ServiceMetrics(
      MeterRegistry registry,
      CaseRepository cases,
      ManagementService management,
      RuntimeService runtime,
      Clock clock) {
    this.registry = registry;
    for (Stage stage : Stage.values()) {
      Gauge.builder("ear.cases.open", () -> cases.countByStage(stage))
          .description("Cases by stage (CLOSED and REFERRED_OUT count all there have been)")
          .tag("stage", stage.name())
          .register(registry);
    }
    Gauge.builder("ear.incidents", () -> runtime.createIncidentQuery().count())
        .description("Open engine incidents (e.g. external tasks out of retries)")
        .register(registry);
    Gauge.builder("ear.jobs.backlog", () -> management.createJobQuery().executable().count())
        .description("Jobs due and not yet run by the job executor")
        .register(registry);
    Gauge.builder(
            "ear.timers.oldest.due.age",
            () -> {
              var oldest =
                  management.createJobQuery().timers().executable().orderByJobDuedate().asc().listPage(0, 1);
              if (oldest.isEmpty()) {
                return 0.0;
              }
              Job job = oldest.get(0);
              return (double) Math.max(0, Duration.between(job.getDuedate().toInstant(), clock.instant()).toSeconds());
            })
        .description("How long the oldest due timer has waited for the job executor")
        .baseUnit("seconds")
        .register(registry);
  }

  /** A police call opened a case or joined one. */
  public void callReceived(int grade, String district, String route) {
    Counter.builder("ear.calls.received")
        .description("Police calls received")
        .tag("grade", String.valueOf(grade))
        .tag("district", district)
        .tag("route", route)
        .register(registry)
        .increment();
  }

  /** A response window ended: met (visited in time) or missed (the window passed). */
  public void responseWindow(boolean met) {
    Counter.builder("ear.response.windows")
        .description("Response windows met and missed")
        .tag("outcome", met ? "met" : "missed")
        .register(registry)
        .increment();
  }

  /** An escalation reached a manager (its task's kind). */
  public void escalation(String kind) {
    Counter.builder("ear.escalations")
        .description("Escalations to managers")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }
}
