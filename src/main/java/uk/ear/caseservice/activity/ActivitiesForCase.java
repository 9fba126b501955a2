package uk.ear.caseservice.activity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.Subject;
import uk.ear.caseservice.cases.SubjectRole;
import uk.ear.caseservice.process.ServiceCommands;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Which activities a case needs, decided by {@code ActivitiesForCase.dmn} (hit policy COLLECT)
 * from facts the service reads off the case record: the category, the people's ages and roles,
 * and what the joint visit recorded. No personal data goes into the decision, only yes/no facts.
 */
@Component
public class ActivitiesForCase {

  public static final String DECISION = "ActivitiesForCase";
  /** The inputs the service passes: the table must read exactly these. */
  public static final Set<String> INPUTS =
      Set.of(
          "category",
          "childInvolved",
          "allegedPerpetratorInvolved",
          "returnedFromMissing",
          "abuseDisclosed",
          "ppuInvolved");

  private final DecisionService decisions;
  private final EarProperties properties;

  ActivitiesForCase(DecisionService decisions, EarProperties properties) {
    this.decisions = decisions;
    this.properties = properties;
  }

  /** Each activity the case needs, and whether it must finish before the assessment ends. */
  public Map<ActivityKind, Boolean> decide(CaseRecord c) {
    Map<String, Object> facts = facts(c);
    var result =
        ServiceCommands.withoutAuthorization(
            () -> decisions.evaluateDecisionByKey(DECISION).variables(facts).evaluate());
    Map<ActivityKind, Boolean> chosen = new LinkedHashMap<>();
    for (DmnDecisionResultEntries row : result) {
      String process = (String) row.get("activity");
      ActivityKind kind =
          ActivityKind.ofProcess(process)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          DECISION + " chose '" + process + "', which is not an activity process"));
      // several rules may choose one activity: it must finish first if any of them says so
      chosen.merge(kind, Boolean.TRUE.equals(row.get("beforeAssessment")), Boolean::logicalOr);
    }
    return chosen;
  }

  Map<String, Object> facts(CaseRecord c) {
    LocalDate reported = c.getReportedAt().atZone(properties.zone()).toLocalDate();
    var subjects = c.getIncidents().stream().flatMap(i -> i.getSubjects().stream()).toList();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("category", c.getCategory().name());
    facts.put("childInvolved", subjects.stream().anyMatch(s -> s.isChildOn(reported)));
    facts.put(
        "allegedPerpetratorInvolved",
        subjects.stream().map(Subject::getRole).anyMatch(r -> r == SubjectRole.ALLEGED_PERPETRATOR));
    facts.put("returnedFromMissing", c.getReturnedAt() != null);
    facts.put("abuseDisclosed", c.isAbuseDisclosed());
    facts.put("ppuInvolved", c.isPpuInvolved());
    return facts;
  }
}
