package uk.ear.caseservice.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ear.caseservice.process.ProcessTestEngine;

/**
 * ActivitiesForCase.dmn row by row: which activities a case needs from its category, the people
 * and what the visit found, and which the assessment waits for (the activity's name with a *).
 */
@Deployment(resources = "processes/ActivitiesForCase.dmn")
class ActivitiesForCaseTableTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(ProcessTestEngine.CONFIGURATION).build();

  DecisionService decisions;

  @BeforeEach
  void services(ProcessEngine engine) {
    decisions = engine.getDecisionService();
  }

  @ParameterizedTest(name = "{0}, child {1}, perpetrator {2}, returned {3}, abuse {4}, PPU {5} -> {6}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a missing person: a return interview only once they are back
        "MISSING_PERSON            | true  | false | true  | false | false | ReturnHomeInterview*",
        "MISSING_PERSON            | true  | false | false | false | false | ''",
        // children
        "VULNERABLE_CHILD          | true  | false | false | false | false | WelfareCheck*",
        "CHILD_SEXUAL_EXPLOITATION | true  | false | false | false | false | PpuJointWork WelfareCheck*",
        // domestic abuse: DASH; with a child in the home also a welfare check; with a child and
        // the alleged perpetrator named, joint work with the PPU
        "DOMESTIC_ABUSE            | false | true  | false | false | false | DomesticAbuseRisk*",
        "DOMESTIC_ABUSE            | true  | false | false | false | false | DomesticAbuseRisk* WelfareCheck*",
        "DOMESTIC_ABUSE            | true  | true  | false | false | false | DomesticAbuseRisk* PpuJointWork WelfareCheck*",
        // adults
        "VULNERABLE_ADULT          | false | false | false | false | false | WelfareCheck*",
        "MENTAL_HEALTH             | false | false | false | false | false | ''",
        "MENTAL_HEALTH             | true  | false | false | false | false | WelfareCheck*",
        // what the visit found
        "CONCERN_FOR_SAFETY        | false | false | false | true  | false | DomesticAbuseRisk*",
        "YOUTH_OFFENDING           | false | false | false | false | true  | PpuJointWork",
        "YOUTH_OFFENDING           | false | false | false | false | false | ''"
      })
  void activities(
      String category,
      boolean child,
      boolean perpetrator,
      boolean returned,
      boolean abuse,
      boolean ppu,
      String expected) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("category", category);
    facts.put("childInvolved", child);
    facts.put("allegedPerpetratorInvolved", perpetrator);
    facts.put("returnedFromMissing", returned);
    facts.put("abuseDisclosed", abuse);
    facts.put("ppuInvolved", ppu);
    TreeSet<String> chosen = new TreeSet<>();
    decisions.evaluateDecisionByKey(ActivitiesForCase.DECISION).variables(facts).evaluate()
        .forEach(row -> chosen.add(row.get("activity") + (Boolean.TRUE.equals(row.get("beforeAssessment")) ? "*" : "")));
    List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
    assertThat(chosen).containsExactlyElementsOf(new TreeSet<>(want));
  }
}
