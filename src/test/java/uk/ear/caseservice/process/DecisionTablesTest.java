package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.cases.District;

/** The response rules, row by row, as designers keep them in DMN. */
@Deployment(resources = {"processes/ResponseWindow.dmn", "processes/TeamForDistrict.dmn"})
class DecisionTablesTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(ProcessTestEngine.CONFIGURATION).build();

  DecisionService decisions;

  @BeforeEach
  void services(ProcessEngine engine) {
    decisions = engine.getDecisionService();
  }

  @ParameterizedTest(
      name = "grade {0} -> {1}, window {2}, {3} working days, priority {4}, second escalation {5}")
  @CsvSource(
      nullValues = "null",
      value = {
        "1, JOINT_VISIT,    PT1H,  null, 100, PT1H",
        "2, JOINT_VISIT,    PT1H,  null, 90,  PT1H",
        "3, JOINT_VISIT,    PT48H, null, 60,  PT12H",
        "4, DESK_SCREENING, null,  1,    40,  null"
      })
  void responseWindowByGrade(
      int grade,
      String route,
      String window,
      Integer workingDays,
      int priority,
      String secondEscalationAfter) {
    for (Category category : Category.values()) {
      Map<String, Object> row = window(grade, category).getSingleResult().getEntryMap();
      assertThat(row.get("route")).isEqualTo(route);
      assertThat(row.get("responseWindow")).isEqualTo(window);
      assertThat(row.get("workingDays")).isEqualTo(workingDays);
      assertThat(((Number) row.get("priority")).intValue()).isEqualTo(priority);
      // all EAR managers are alerted this long after the window if the visit is still not recorded
      assertThat(row.get("secondEscalationAfter")).isEqualTo(secondEscalationAfter);
    }
  }

  @Test
  void gradeTwoOutranksGradeThree() {
    int two = ((Number) window(2, Category.MISSING_PERSON).getSingleResult().get("priority")).intValue();
    int three = ((Number) window(3, Category.MISSING_PERSON).getSingleResult().get("priority")).intValue();
    assertThat(two).isGreaterThan(three);
  }

  @Test
  void noRuleForAGradeOutsideOneToFour() {
    assertThat(window(5, Category.MENTAL_HEALTH).getResultList()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(District.class)
  void onlyPrestonAndBurnleyHaveAnEarTeam(District district) {
    DmnDecisionResult result =
        decisions
            .evaluateDecisionByKey("TeamForDistrict")
            .variables(Map.of("district", district.name()))
            .evaluate();
    switch (district) {
      case PRESTON -> assertThat((String) result.getSingleEntry()).isEqualTo("PRESTON");
      case BURNLEY -> assertThat((String) result.getSingleEntry()).isEqualTo("BURNLEY");
      default -> assertThat(result.getResultList()).isEmpty();
    }
  }

  private DmnDecisionResult window(int grade, Category category) {
    return decisions
        .evaluateDecisionByKey("ResponseWindow")
        .variables(Map.of("grade", grade, "category", category.name()))
        .evaluate();
  }
}
