package uk.ear.caseservice.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.TeamScope;

/**
 * The managers' dashboard, with the webapps' login: for {@code ear-managers} (their own teams) and
 * {@code camunda-admin} (every team). The page only lays out the charts; each chart's figures come
 * from its {@code /api/stats/…} endpoint, with the same login.
 */
@Controller
public class DashboardController {

  private final Clock clock;
  private final EarProperties properties;

  DashboardController(Clock clock, EarProperties properties) {
    this.clock = clock;
    this.properties = properties;
  }

  @GetMapping("/dashboard")
  public String dashboard(Authentication auth, Model model) {
    TeamScope scope = TeamScope.of(auth, null, true);
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    model.addAttribute("user", auth.getName());
    model.addAttribute("teams", scope.all() ? properties.teams() : scope.teams());
    model.addAttribute("allTeams", scope.all());
    model.addAttribute("from", today.minusDays(StatsRange.DEFAULT_DAYS - 1));
    model.addAttribute("to", today);
    model.addAttribute("chartJs", "/webjars/chart.js/" + CHART_JS_VERSION + "/dist/chart.umd.js");
    return "dashboard";
  }

  /** The WebJar's version (the pom's), so the page names the file the jar serves. */
  static final String CHART_JS_VERSION = "4.4.1";
}
