package uk.ear.caseservice.metrics;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Which user tasks are escalations to a manager: a missed response window, an overdue visit or
 * activity, a conference at risk, a handover to chase. Read from the deployed models by their ids
 * ({@code Task_Review(Missed|Overdue|Conference)…}, {@code Task_ChaseHandover}), so a designer's
 * new "Review overdue …" task counts without Java.
 */
@Component
public class EscalationTasks {

  static final Pattern ESCALATION =
      Pattern.compile("Task_(Review(Missed|Overdue|Conference)\\w*|ChaseHandover)");

  private final RepositoryService repository;
  private volatile List<String> definitionIds = List.of();
  private volatile List<String> keys = List.of();

  public EscalationTasks(RepositoryService repository) {
    this.repository = repository;
  }

  public static boolean isEscalation(String taskDefinitionKey) {
    return taskDefinitionKey != null && ESCALATION.matcher(taskDefinitionKey).matches();
  }

  /** The escalation tasks' ids in the latest version of every deployed process. */
  public List<String> keys() {
    List<ProcessDefinition> latest = repository.createProcessDefinitionQuery().latestVersion().list();
    List<String> ids = latest.stream().map(ProcessDefinition::getId).sorted().toList();
    if (!ids.equals(definitionIds)) {
      TreeSet<String> found = new TreeSet<>();
      for (ProcessDefinition definition : latest) {
        for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
          if (isEscalation(task.getId())) {
            found.add(task.getId());
          }
        }
      }
      keys = List.copyOf(found);
      definitionIds = ids;
    }
    return keys;
  }
}
