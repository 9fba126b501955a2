package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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

  /**
   * The case lifecycle's forms (EarlyActionCase.bpmn) whose complete listeners are not in Java yet.
   * These are the exact sets each listener must accept; once a listener exists, take its key out
   * of this map and read the set from the listener, as above. Key: the form field (process
   * variable); listener bean in brackets.
   */
  /** The options of the lifecycle forms, as the listeners in LifecycleFormListeners accept them. */
  static final Map<String, Set<String>> LIFECYCLE_OPTIONS =
      Map.ofEntries(
          Map.entry("overdueAction", LifecycleFormListeners.OVERDUE_ACTIONS),
          Map.entry("closureDecision", LifecycleFormListeners.DECISIONS),
          Map.entry("safeguardingRoute", LifecycleFormListeners.SAFEGUARDING_ROUTES),
          Map.entry("strategyOutcome", LifecycleFormListeners.STRATEGY_OUTCOMES),
          Map.entry("riskTrend", LifecycleFormListeners.RISK_TRENDS),
          Map.entry("supportReviewOutcome", LifecycleFormListeners.SUPPORT_REVIEW_OUTCOMES),
          Map.entry("extensionDecision", LifecycleFormListeners.DECISIONS),
          // a checklist on Form_ChooseReceivingServices, a single choice on Form_ChooseAnotherService
          // (read-only on the forms that only show it)
          Map.entry("receivingServices", LifecycleFormListeners.RECEIVING_SERVICES),
          Map.entry("receivingService", LifecycleFormListeners.RECEIVING_SERVICES),
          Map.entry("handoverResponse", LifecycleFormListeners.HANDOVER_RESPONSES),
          Map.entry("declinedHandoverAction", LifecycleFormListeners.DECLINED_HANDOVER_ACTIONS),
          Map.entry("earlyClosureDecision", LifecycleFormListeners.DECISIONS),
          // read-only on Form_ApproveEarlyClosure: the reasons a closure request may give
          Map.entry("requestedClosureReason", uk.ear.caseservice.cases.ClosureReason.names()));

  @Test
  void everyUserTaskHasADeployedForm() throws IOException {
    Set<String> formIds = forms().keySet();
    for (Path bpmn : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as("%s in %s has a formRef", task.getId(), bpmn).isNotBlank();
        assertThat(formIds).as("form of %s", task.getId()).contains(task.getCamundaFormRef());
        assertThat(task.getCamundaFormRefBinding()).as("binding of %s", task.getId()).isEqualTo("deployment");
      }
      // start forms (Tasklist's Start process), where a process has one
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(formIds).as("form of %s", start.getId()).contains(start.getCamundaFormRef());
          assertThat(start.getCamundaFormRefBinding()).as("binding of %s", start.getId()).isEqualTo("deployment");
        }
      }
    }
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

  @Test
  void formsOfferExactlyTheOptionsTheServerAccepts() throws IOException {
    FormListeners listeners = new FormListeners();
    Map<String, Set<String>> server = new HashMap<>();
    for (NoteAndOutcomeFormListener l :
        List.of(
            listeners.assessmentFormListener(null, null, null),
            listeners.screeningFormListener(null, null, null),
            listeners.missedResponseFormListener(null, null, null))) {
      server.put(l.fields().outcomeKey(), l.fields().outcomes());
    }
    server.put("riskLevel", JointVisitFormListener.RISK_LEVELS);
    server.putAll(LIFECYCLE_OPTIONS);

    Map<String, Set<String>> offered = new HashMap<>();
    for (JsonNode form : forms().values()) {
      collectOptions(form.path("components"), offered);
    }
    assertThat(offered).isEqualTo(server);
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

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(new File(folder).toPath())) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
