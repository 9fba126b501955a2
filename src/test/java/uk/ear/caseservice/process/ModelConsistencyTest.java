package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * What a designer saves in Modeler must still fit the Java side: every user task has a form that
 * exists, every process and decision a history time to live, and the forms offer exactly the
 * options (radio, select, checklist) the server accepts.
 */
class ModelConsistencyTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyUserTaskHasADeployedForm() {
    assertThat(ModelChecks.missingForms(Path.of("processes"), Path.of("forms"))).isEmpty();
  }

  /**
   * A process a case calls carries the case's reference as business key and is one of the case
   * processes the team reads and the workers serve ({@link CaseProcess#CASE_PROCESSES}).
   */
  @Test
  void everyCalledProcessExistsAndCarriesTheCase() throws IOException {
    Set<String> processes = new HashSet<>();
    for (Path bpmn : files("processes", ".bpmn")) {
      Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(Process.class)
          .forEach(p -> processes.add(p.getId()));
    }
    for (Path bpmn : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
      for (var call : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
        String called = call.getCalledElement();
        if (called.startsWith("${")) {
          // an activity's process, from the plan the service keeps (ActivitiesForCase.dmn)
          assertThat(call.getLoopCharacteristics())
              .as("%s runs the planned activities", call.getId())
              .isInstanceOf(org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics.class);
          String collection =
              ((org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics) call.getLoopCharacteristics())
                  .getCamundaCollection();
          assertThat(collection).as("%s's collection", call.getId()).startsWith("${activityPlan.");
        } else {
          assertThat(processes).as("the process %s calls", call.getId()).contains(called);
          assertThat(CaseProcess.CASE_PROCESSES).as("%s is a case process", called).contains(called);
        }
        var ins = call.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class).list();
        assertThat(ins).as("%s passes the case's business key", call.getId())
            .anyMatch(in -> "#{execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
        assertThat(ins).as("%s passes caseRef and teamGroup", call.getId())
            .extracting(in -> in.getCamundaSource())
            .contains("caseRef", "teamGroup");
      }
    }
  }

  /**
   * Every activity the decision may choose is a deployed process that the team reads and the
   * workers serve, and the service knows it as an activity.
   */
  @Test
  void everyActivityTheDecisionChoosesIsACaseProcess() throws IOException {
    Set<String> processes = new HashSet<>();
    for (Path bpmn : files("processes", ".bpmn")) {
      Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(Process.class)
          .forEach(p -> processes.add(p.getId()));
    }
    var dmn = Dmn.readModelFromFile(Path.of("processes/ActivitiesForCase.dmn").toFile());
    Set<String> chosen = new HashSet<>();
    for (var rule : dmn.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)) {
      String activity = rule.getOutputEntries().iterator().next().getText().getTextContent().strip();
      chosen.add(activity.replace("\"", ""));
    }
    assertThat(chosen).isNotEmpty();
    assertThat(uk.ear.caseservice.activity.ActivityKind.processKeys()).containsAll(chosen);
    assertThat(processes).containsAll(uk.ear.caseservice.activity.ActivityKind.processKeys());
    assertThat(CaseProcess.CASE_PROCESSES).containsAll(uk.ear.caseservice.activity.ActivityKind.processKeys());
  }

  @Test
  void everyProcessAndDecisionHasAHistoryTimeToLive() throws IOException {
    for (Path bpmn : files("processes", ".bpmn")) {
      for (Process process : Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
        assertThat(bpmn.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
      }
    }
    for (Path dmn : files("processes", ".dmn")) {
      for (Decision decision : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class)) {
        assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
      }
    }
  }

  /**
   * The server accepts exactly what each form offers (its handler reads the options from the
   * deployed form), so what must agree is the model: every option a form offers for a value a
   * gateway routes on has its way out, and no gateway waits for an option no form offers.
   */
  @Test
  void gatewaysRouteEveryOptionTheFormsOffer() throws IOException {
    Map<String, Set<String>> routed = new HashMap<>();
    // a "!=" way out takes every option but the one it names
    Set<String> otherwise = new HashSet<>();
    java.util.regex.Pattern comparison =
        java.util.regex.Pattern.compile("\\$\\{\\s*(\\w+)\\s*([!=])=\\s*'([^']*)'\\s*}");
    for (Path bpmn : files("processes", ".bpmn")) {
      java.util.regex.Matcher m = comparison.matcher(Files.readString(bpmn));
      while (m.find()) {
        routed.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(3));
        if ("!".equals(m.group(2))) {
          otherwise.add(m.group(1));
        }
      }
    }
    Map<String, Set<String>> offered = options();
    // the variables a form sets (the route, say, is the intake's)
    routed.keySet().retainAll(offered.keySet());
    assertThat(routed).containsKeys("assessmentOutcome", "closureDecision", "handoverResponse", "welfareOutcome");
    routed.forEach(
        (variable, values) -> {
          if (otherwise.contains(variable)) {
            assertThat(offered.get(variable))
                .as("options the forms offer for %s, which a gateway routes on", variable)
                .containsAll(values);
          } else {
            assertThat(offered.get(variable))
                .as("options the forms offer for %s, which a gateway routes on", variable)
                .isEqualTo(values);
          }
        });
  }

  /** A field shown on several forms (the risk level, a receiving service) offers the same options. */
  @Test
  void aFieldOffersTheSameOptionsOnEveryForm() throws IOException {
    Map<String, Set<String>> first = new HashMap<>();
    for (JsonNode form : forms().values()) {
      Map<String, Set<String>> own = new HashMap<>();
      collectOptions(form.path("components"), own);
      own.forEach(
          (key, values) ->
              assertThat(first.computeIfAbsent(key, k -> values))
                  .as("options of %s on %s", key, form.path("id").asText())
                  .isEqualTo(values));
    }
    // a checklist of services and the single service of one handover
    assertThat(first.get("receivingServices")).isEqualTo(first.get("receivingService"));
  }

  /** The reasons a closure request may give are the ones the case record knows. */
  @Test
  void closureReasonsOnTheFormsAreOnesTheServiceKnows() throws IOException {
    assertThat(uk.ear.caseservice.cases.ClosureReason.names())
        .containsAll(options().get("requestedClosureReason"));
  }

  private static Map<String, Set<String>> options() throws IOException {
    Map<String, Set<String>> offered = new HashMap<>();
    for (JsonNode form : forms().values()) {
      collectOptions(form.path("components"), offered);
    }
    return offered;
  }

  private static void collectOptions(JsonNode components, Map<String, Set<String>> offered) {
    for (JsonNode c : components) {
      collectOptions(c.path("components"), offered);
      String type = c.path("type").asText();
      if (type.equals("radio") || type.equals("select") || type.equals("checklist")) {
        Set<String> values = new HashSet<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        offered.put(c.path("key").asText(), values);
      }
    }
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> byId = new HashMap<>();
    for (Path form : files("forms", ".form")) {
      JsonNode json = JSON.readTree(form.toFile());
      byId.put(json.path("id").asText(), json);
    }
    return byId;
  }

  private static List<Path> files(String folder, String suffix) {
    return ModelChecks.files(Path.of(folder), suffix);
  }
}
