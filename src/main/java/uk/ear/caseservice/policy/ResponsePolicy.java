package uk.ear.caseservice.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.cases.Route;

/**
 * The response rules, kept in DMN so process designers can change them without Java:
 * {@code TeamForDistrict} (which EAR team covers a district, none = referred out) and
 * {@code ResponseWindow} (route, window and priority by police grade and category).
 */
public class ResponsePolicy {

  public static final String TEAM_DECISION = "TeamForDistrict";
  public static final String WINDOW_DECISION = "ResponseWindow";

  private final DecisionService decisions;
  /** The inputs the service passes to each decision: the tables must read exactly these. */
  public static final java.util.Map<String, java.util.Set<String>> DECISION_INPUTS =
      java.util.Map.of(
          TEAM_DECISION, java.util.Set.of("district"),
          WINDOW_DECISION, java.util.Set.of("grade", "category"));

  private final Deadlines deadlines;

  public ResponsePolicy(DecisionService decisions, Deadlines deadlines) {
    this.decisions = decisions;
    this.deadlines = deadlines;
  }

  /** The EAR team covering a district, or null where there is none. */
  public String teamFor(District district) {
    DmnDecisionResult result =
        decisions
            .evaluateDecisionByKey(TEAM_DECISION)
            .variables(Variables.putValue("district", district.name()))
            .evaluate();
    return result.isEmpty() ? null : (String) result.getSingleEntry();
  }

  /** Decides a new call: referred out where no team covers the district. */
  public ResponseDecision decide(
      int grade, Category category, District district, Instant reportedAt) {
    String team = teamFor(district);
    if (team == null) {
      Window window = window(grade, category);
      return new ResponseDecision(null, Route.REFERRED_OUT, window.priority(), null, null);
    }
    return decideForTeam(team, grade, category, reportedAt);
  }

  /** Decides a call for a known team (e.g. a repeat incident joining an open case). */
  public ResponseDecision decideForTeam(
      String team, int grade, Category category, Instant reportedAt) {
    Window window = window(grade, category);
    Instant due = deadlines.responseDue(reportedAt, window.duration(), window.workingDays());
    Instant second = window.secondEscalationAfter() == null ? null : due.plus(window.secondEscalationAfter());
    return new ResponseDecision(team, window.route(), window.priority(), due, second);
  }

  private Window window(int grade, Category category) {
    DmnDecisionResult result =
        decisions
            .evaluateDecisionByKey(WINDOW_DECISION)
            .variables(Map.of("grade", grade, "category", category.name()))
            .evaluate();
    DmnDecisionResultEntries row = result.getFirstResult();
    if (row == null) {
      throw new IllegalStateException(
          WINDOW_DECISION + " has no rule for grade " + grade + " and category " + category);
    }
    // an empty output cell is absent from the row, not null
    String duration = (String) row.get("responseWindow");
    String secondEscalation = (String) row.get("secondEscalationAfter");
    Number workingDays = (Number) row.get("workingDays");
    Number priority = (Number) row.get("priority");
    return new Window(
        Route.valueOf((String) row.get("route")),
        duration == null || duration.isBlank() ? null : Duration.parse(duration),
        workingDays == null ? null : workingDays.intValue(),
        priority == null ? 50 : priority.intValue(),
        secondEscalation == null || secondEscalation.isBlank() ? null : Duration.parse(secondEscalation));
  }

  private record Window(
      Route route,
      Duration duration,
      Integer workingDays,
      int priority,
      Duration secondEscalationAfter) {}
}
