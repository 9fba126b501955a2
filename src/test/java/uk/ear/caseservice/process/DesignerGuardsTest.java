package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ear.caseservice.policy.ResponsePolicy;
import uk.ear.caseservice.shared.Teams;

/**
 * Guards for designers' edits in Modeler: what the models name must exist on the Java side and
 * parse. Each guard is run on the real models (clean) and on a copy broken on purpose, where it
 * must fail naming the element: a removed formRef, an invalid timer, a renamed message, a topic
 * mistyped in an element template.
 */
class DesignerGuardsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path TEMPLATES = Path.of("element-templates");
  static final Set<String> CORRELATED =
      Set.of(
          CaseProcess.REPEAT_INCIDENT_MESSAGE,
          CaseProcess.CLOSURE_REQUESTED_MESSAGE,
          CaseProcess.HOSPITAL_ADMISSION_MESSAGE);

  @TempDir Path copy;

  @Test
  void theModelsPassEveryGuard() {
    assertThat(ModelChecks.missingForms(PROCESSES, FORMS)).isEmpty();
    assertThat(ModelChecks.badTimers(PROCESSES)).isEmpty();
    assertThat(ModelChecks.missingMessages(PROCESSES, CORRELATED)).isEmpty();
    assertThat(ModelChecks.unknownCandidateGroups(PROCESSES, groupsSetUp())).isEmpty();
    assertThat(ModelChecks.decisionInputMismatches(PROCESSES, ResponsePolicy.DECISION_INPUTS)).isEmpty();
    // the inputs the service passes to the activities decision, and the DASH values the MARAC
    // decision reads (written by the checklist's listener only)
    assertThat(
            ModelChecks.decisionInputMismatches(
                PROCESSES,
                java.util.Map.of(
                    uk.ear.caseservice.activity.ActivitiesForCase.DECISION,
                    uk.ear.caseservice.activity.ActivitiesForCase.INPUTS,
                    "MaracReferral",
                    java.util.Set.of("dashYesCount", "professionalJudgement", "callOutsIn12Months"))))
        .isEmpty();
    assertThat(ModelChecks.templateMismatches(PROCESSES, TEMPLATES)).isEmpty();
  }

  @Test
  void aRemovedFormRefIsNamed() throws IOException {
    Path broken = brokenCopy(PROCESSES, "EarlyActionCase.bpmn",
        xml -> xml.replace("camunda:formRef=\"Form_AssessNeeds\" ", ""));
    assertThat(ModelChecks.missingForms(broken, FORMS))
        .singleElement().asString().startsWith("Task_AssessNeeds in EarlyActionCase.bpmn");
  }

  @Test
  void anInvalidTimerIsNamed() throws IOException {
    Path broken = brokenCopy(PROCESSES, "IntensiveSupport.bpmn", xml -> xml.replace("R/P7D", "every week"));
    assertThat(ModelChecks.badTimers(broken))
        .singleElement().asString().startsWith("BoundaryEvent_WeeklyReview in IntensiveSupport.bpmn")
        .contains("'every week'");
    Path badExpression = brokenCopy(PROCESSES, "IntensiveSupport.bpmn",
        xml -> xml.replace("${supportReviewAt}", "${supportReviewAt"));
    assertThat(ModelChecks.badTimers(badExpression))
        .singleElement().asString().startsWith("Event_SupportReviewDue in IntensiveSupport.bpmn");
  }

  @Test
  void aRenamedMessageIsNamed() throws IOException {
    Path broken = brokenCopy(PROCESSES, "EarlyActionCase.bpmn",
        xml -> xml.replace("name=\"RepeatIncidentReported\"", "name=\"RepeatIncident\""));
    assertThat(ModelChecks.missingMessages(broken, CORRELATED))
        .singleElement().asString().contains("'RepeatIncidentReported'");
  }

  @Test
  void anUnknownCandidateGroupIsNamed() throws IOException {
    Path broken = brokenCopy(PROCESSES, "EarlyActionCase.bpmn",
        xml -> xml.replace("camunda:candidateGroups=\"ear-managers\"", "camunda:candidateGroups=\"ear-manager\""));
    assertThat(ModelChecks.unknownCandidateGroups(broken, groupsSetUp()))
        .singleElement().asString().startsWith("Task_ReviewOverdueVisit in EarlyActionCase.bpmn")
        .contains("'ear-manager'");
  }

  @Test
  void aDecisionInputTheServiceDoesNotPassIsNamed() throws IOException {
    Path broken = brokenCopy(PROCESSES, "ResponseWindow.dmn",
        xml -> xml.replaceFirst("<text>category</text>", "<text>categry</text>"));
    assertThat(ModelChecks.decisionInputMismatches(broken, ResponsePolicy.DECISION_INPUTS))
        .singleElement().asString().startsWith("ResponseWindow").contains("categry");
  }

  @Test
  void aTopicMistypedInATemplateIsNamed() throws IOException {
    Path templates = brokenCopy(TEMPLATES, "ear-workers.json",
        json -> json.replace("\"ear-police-update\"", "\"ear-police-updates\""));
    assertThat(ModelChecks.templateMismatches(PROCESSES, templates))
        .isNotEmpty()
        .allMatch(problem -> problem.contains("uk.ear.NotifyPolice") && problem.contains("ear-police-updates"))
        .anyMatch(problem -> problem.startsWith("Task_NotifyPoliceOfNewCase in EarlyActionCase.bpmn"));
  }

  /** The groups the service sets up: the teams' groups, managers, EDT, admin. */
  static Set<String> groupsSetUp() {
    Set<String> groups = new HashSet<>(Set.of(Teams.MANAGERS_GROUP, Teams.EDT_GROUP, Teams.ADMIN_GROUP));
    uk.ear.caseservice.policy.TestEarProperties.london().teams().forEach(t -> groups.add(Teams.groupOf(t)));
    return groups;
  }

  /** A copy of {@code dir} with one file changed by {@code edit}. */
  private Path brokenCopy(Path dir, String file, Function<String, String> edit) throws IOException {
    Path target = Files.createDirectories(copy.resolve(dir.getFileName() + "-" + System.nanoTime()));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path source : files.toList()) {
        Files.copy(source, target.resolve(source.getFileName()));
      }
    }
    Path changed = target.resolve(file);
    String before = Files.readString(changed);
    String after = edit.apply(before);
    assertThat(after).as("the edit changes %s", file).isNotEqualTo(before);
    Files.writeString(changed, after);
    return target;
  }
}
