package uk.ear.caseservice.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;

/**
 * What a designer's edit must not break, each check naming the element at fault, over a folder
 * of models (so that tests can run them over a broken copy too). Used by {@code
 * ModelConsistencyTest} and {@code ElementTemplatesTest}.
 */
public final class ModelChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelChecks() {}

  /** Every user task (and start event with a form) names a form of {@code forms}, bound to the deployment. */
  public static List<String> missingForms(Path processes, Path forms) {
    Set<String> formIds = new HashSet<>();
    for (Path form : files(forms, ".form")) {
      formIds.add(read(form).path("id").asText());
    }
    List<String> problems = new ArrayList<>();
    for (Path bpmn : files(processes, ".bpmn")) {
      for (UserTask task : model(bpmn).getModelElementsByType(UserTask.class)) {
        String where = task.getId() + " in " + bpmn.getFileName();
        if (task.getCamundaFormRef() == null || !formIds.contains(task.getCamundaFormRef())) {
          problems.add(where + ": its form '" + task.getCamundaFormRef() + "' is not in forms/ (camunda:formRef)");
        } else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
          problems.add(where + ": camunda:formRefBinding must be 'deployment'");
        }
      }
    }
    return problems;
  }

  /** Every timer's date, duration or cycle parses: ISO 8601, or an expression that compiles. */
  public static List<String> badTimers(Path processes) {
    List<String> problems = new ArrayList<>();
    for (Path bpmn : files(processes, ".bpmn")) {
      for (TimerEventDefinition timer : model(bpmn).getModelElementsByType(TimerEventDefinition.class)) {
        String where = ((BaseElement) timer.getParentElement()).getId() + " in " + bpmn.getFileName();
        for (var value : new org.camunda.bpm.model.bpmn.instance.Expression[] {
            timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle()}) {
          if (value == null) {
            continue;
          }
          String text = value.getTextContent().strip();
          try {
            if (text.contains("${") || text.contains("#{")) {
              new ExpressionFactoryImpl().createValueExpression(new SimpleContext(), text, Object.class);
            } else if (value == timer.getTimeDate()) {
              java.time.OffsetDateTime.parse(text);
            } else if (value == timer.getTimeCycle() && !text.startsWith("R")) {
              // a cron expression, as the engine reads one (e.g. "0 0 9 * * ?": each morning)
              org.camunda.bpm.engine.impl.calendar.CronTimer.parse(text);
            } else {
              new DurationHelper(text, ClockUtil.getCurrentTime());
            }
          } catch (Exception e) {
            problems.add(where + ": the timer '" + text + "' does not parse (" + e.getMessage() + ")");
          }
        }
      }
    }
    return problems;
  }

  /** Every message the service correlates is a message some event of the models waits for. */
  public static List<String> missingMessages(Path processes, Set<String> correlated) {
    Set<String> awaited = new HashSet<>();
    for (Path bpmn : files(processes, ".bpmn")) {
      for (MessageEventDefinition event : model(bpmn).getModelElementsByType(MessageEventDefinition.class)) {
        Message message = event.getMessage();
        if (message != null) {
          awaited.add(message.getName());
        }
      }
    }
    return correlated.stream()
        .filter(name -> !awaited.contains(name))
        .map(name -> "the message '" + name + "' the service correlates is awaited by no event of the models")
        .toList();
  }

  /** A candidate group named in a model (not an expression) is one the service sets up. */
  public static List<String> unknownCandidateGroups(Path processes, Set<String> groups) {
    List<String> problems = new ArrayList<>();
    for (Path bpmn : files(processes, ".bpmn")) {
      for (UserTask task : model(bpmn).getModelElementsByType(UserTask.class)) {
        String candidates = task.getCamundaCandidateGroups();
        if (candidates == null || candidates.contains("${") || candidates.contains("#{")) {
          continue;
        }
        for (String group : candidates.split(",")) {
          if (!groups.contains(group.strip())) {
            problems.add(task.getId() + " in " + bpmn.getFileName() + ": no group '" + group.strip()
                + "' is set up (known: " + new java.util.TreeSet<>(groups) + ")");
          }
        }
      }
    }
    return problems;
  }

  /** Each decision reads exactly the inputs the service passes it. */
  public static List<String> decisionInputMismatches(Path processes, Map<String, Set<String>> passed) {
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> read = new HashMap<>();
    for (Path dmn : files(processes, ".dmn")) {
      for (Decision decision : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class)) {
        Set<String> inputs = new HashSet<>();
        decision.getModelInstance().getModelElementsByType(Input.class).stream()
            .filter(input -> input.getParentElement().getParentElement() == decision)
            .forEach(input -> inputs.add(input.getInputExpression().getText().getTextContent().strip()));
        read.put(decision.getId(), inputs);
      }
    }
    passed.forEach((decision, inputs) -> {
      Set<String> table = read.get(decision);
      if (table == null) {
        problems.add("no decision '" + decision + "' in the models");
      } else if (!table.equals(inputs)) {
        problems.add(decision + ": the table reads " + new java.util.TreeSet<>(table)
            + ", the service passes " + new java.util.TreeSet<>(inputs));
      }
    });
    return problems;
  }

  /**
   * Every external-task or delegate service task is made from its element template (Modeler's
   * camunda:modelerTemplate) and still says what the template says: topic, delegate, save point,
   * and an input the template offers.
   */
  public static List<String> templateMismatches(Path processes, Path templates) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (Path file : files(templates, ".json")) {
      read(file).forEach(t -> byId.put(t.path("id").asText() + "@" + t.path("version").asInt(), t));
    }
    List<String> problems = new ArrayList<>();
    for (Path bpmn : files(processes, ".bpmn")) {
      for (ServiceTask task : model(bpmn).getModelElementsByType(ServiceTask.class)) {
        String where = task.getId() + " in " + bpmn.getFileName();
        String id = task.getAttributeValueNs(CAMUNDA, "modelerTemplate");
        if (id == null) {
          problems.add(where + ": made without an element template (camunda:modelerTemplate)");
          continue;
        }
        JsonNode template = byId.get(id + "@" + task.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"));
        if (template == null) {
          problems.add(where + ": its template " + id + " (that version) is not in element-templates/");
          continue;
        }
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          String name = binding.path("name").asText();
          if (binding.path("type").asText().equals("property")) {
            String expected = property.path("value").asText();
            String actual = task.getAttributeValueNs(CAMUNDA, name.substring(name.indexOf(':') + 1));
            if (!expected.equals(actual)) {
              problems.add(where + ": " + name + " is '" + actual + "', its template " + id + " says '" + expected + "'");
            }
          } else if (binding.path("type").asText().equals("camunda:inputParameter")) {
            Set<String> offered = new HashSet<>();
            property.path("choices").forEach(c -> offered.add(c.path("value").asText()));
            String value = task.getExtensionElements() == null ? null
                : task.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list().stream()
                    .flatMap(io -> io.getCamundaInputParameters().stream())
                    .filter(p -> p.getCamundaName().equals(name))
                    .map(CamundaInputParameter::getTextContent)
                    .findFirst().orElse(null);
            if (value == null || (!offered.isEmpty() && !offered.contains(value.strip()))) {
              problems.add(where + ": input " + name + " is '" + value + "', its template " + id + " offers " + offered);
            }
          }
        }
      }
    }
    return problems;
  }

  /** The element templates of a folder, every file's array together. */
  public static List<JsonNode> templates(Path dir) {
    List<JsonNode> all = new ArrayList<>();
    files(dir, ".json").forEach(file -> read(file).forEach(all::add));
    return all;
  }

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BpmnModelInstance model(Path bpmn) {
    return Bpmn.readModelFromFile(bpmn.toFile());
  }

  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
