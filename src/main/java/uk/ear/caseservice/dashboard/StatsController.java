package uk.ear.caseservice.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiFunction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.RestController;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.TeamScope;

/**
 * The managers' figures, one endpoint per chart of the dashboard. Each takes {@code from} and
 * {@code to} (London dates, both included; by default the last eight weeks) and {@code team}; a
 * manager sees their own team's figures, admin every team's; anybody else 403.
 */
@RestController
@RequestMapping(path = "/api/stats", produces = "application/json")
@Tag(name = "Statistics", description = "The managers' dashboard figures")
public class StatsController {

  private final Statistics statistics;
  private final Clock clock;
  private final EarProperties properties;

  public StatsController(Statistics statistics, Clock clock, EarProperties properties) {
    this.statistics = statistics;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * What every figure takes: {@code from} and {@code to}, London dates, both included (by default
   * the last eight weeks), and {@code team} (by default the caller's teams; admin: all).
   */
  public record StatsQuery(
      @Parameter(description = "first day, e.g. 2026-11-02") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(description = "last day, included") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "one team, e.g. PRESTON") String team) {}

  @GetMapping("/calls-by-hour")
  @Operation(summary = "Calls by hour of day and day of week (London time): the heat map")
  public Statistics.CallsByHour callsByHour(@ParameterObject StatsQuery query, Authentication auth) {
    return figures(query, auth, statistics::callsByHour);
  }

  @GetMapping("/districts")
  @Operation(summary = "Calls received and cases open now, by district and team")
  public Statistics.ByDistrict districts(@ParameterObject StatsQuery query, Authentication auth) {
    return figures(query, auth, statistics::byDistrict);
  }

  @GetMapping("/response-windows")
  @Operation(
      summary = "Response windows met by grade, team and week",
      description = "Met: visited by the end of the window; missed: visited after it, or not visited"
          + " when it ended. With the median and 90th percentile minutes from the police logging the"
          + " call to the visit.")
  public Statistics.Compliance responseWindows(@ParameterObject StatsQuery query, Authentication auth) {
    return figures(query, auth, statistics::compliance);
  }

  @GetMapping("/open-cases")
  @Operation(summary = "Open cases by stage, and those past a deadline with a link to each")
  public Statistics.OpenCases openCases(@ParameterObject StatsQuery query, Authentication auth) {
    return figures(query, auth, statistics::openCasesByStage);
  }

  @GetMapping("/caseloads")
  @Operation(summary = "Open cases per allocated worker")
  public Statistics.Caseloads caseloads(@ParameterObject StatsQuery query, Authentication auth) {
    return figures(query, auth, statistics::caseloads);
  }

  @GetMapping("/escalations")
  @Operation(summary = "Escalations to managers and the engine's incidents (e.g. a worker out of retries)")
  public Statistics.Escalations escalations(@ParameterObject StatsQuery query, Authentication auth) {
    return figures(query, auth, statistics::escalations);
  }

  private <T> T figures(StatsQuery query, Authentication auth, BiFunction<TeamScope, StatsRange, T> figure) {
    TeamScope scope = TeamScope.of(auth, query.team(), true);
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    return figure.apply(scope, StatsRange.of(query.from(), query.to(), today, properties.zone()));
  }
}
