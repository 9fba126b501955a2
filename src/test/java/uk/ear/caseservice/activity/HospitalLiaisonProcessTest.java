package uk.ear.caseservice.activity;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.community.mockito.DelegateExpressions.autoMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ear.caseservice.process.ProcessScenario;

/**
 * Hospital liaison about a vulnerable admission: a "Liaise with hospital" task for the group the
 * case service chose (the team in office hours, the Emergency Duty Team out of hours), due four
 * hours from the admission; late, it goes to the team's manager.
 */
@Deployment(resources = {"processes/HospitalLiaison.bpmn", "forms/LiaiseWithHospital.form", "forms/ReviewOverdueActivity.form"})
class HospitalLiaisonProcessTest extends ProcessScenario {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessScenario.engineWithCoverage();

  static final Instant LIAISON_DUE = NOW.plusSeconds(4 * 3600);

  @BeforeEach
  void mocks() {
    autoMock("processes/HospitalLiaison.bpmn");
  }

  @Test
  void outOfHoursTheEmergencyDutyTeamLiaisesAndLateLiaisonReachesTheManager() {
    calledByTheCase(
        "HospitalLiaison", 90, Map.of("activityDueAt", Date.from(LIAISON_DUE), "liaisonGroup", EDT));
    var task = taskAt("Task_LiaiseWithHospital");
    Assertions.assertThat(groups(task)).containsExactly(EDT);
    Assertions.assertThat(task.getAssignee()).isNull();
    assertThat(task).hasDueDate(Date.from(LIAISON_DUE));

    timerFires("BoundaryEvent_LiaisonOverdue", LIAISON_DUE);
    isManagersWork(taskAt("Task_ReviewOverdueLiaison"), LIAISON_DUE.plusSeconds(3600), 90);
    done("Task_ReviewOverdueLiaison", Map.of("lateActivityAction", "CHASED", "lateActivityReason", "r"));
    assertThat(pi).hasPassed("EndEvent_OverdueLiaisonReviewed");

    done("Task_LiaiseWithHospital", Map.of("liaisonOutcome", "ASSESS"));
    verifyTaskListenerMock("hospitalLiaisonFormListener").executed();
    assertThat(pi).hasPassed("EndEvent_HospitalLiaised").isEnded();
    Assertions.assertThat(lastValueOf("liaisonOutcome")).isEqualTo("ASSESS");
  }
}
