package uk.ear.caseservice.forms;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;

/**
 * The one place that knows each task's form fields: read from the Camunda Form the task was
 * deployed with ({@code camunda:formRef}, binding {@code deployment}), so what the designer saved
 * in Modeler is what the server accepts. A process definition never changes its forms, so each
 * form is read once per definition and activity.
 */
public final class DeployedForms {

  /**
   * One reader, and so one cache, per engine (one in the service; a few in a test run): the engine
   * guard and every form handler share it.
   */
  private static final Map<FormService, DeployedForms> BY_ENGINE = new ConcurrentHashMap<>();

  private final FormService forms;
  private final Map<String, Optional<FormDefinition>> cache = new ConcurrentHashMap<>();

  private DeployedForms(FormService forms) {
    this.forms = forms;
  }

  /** The forms deployed to the engine of {@code forms}. */
  public static DeployedForms of(FormService forms) {
    return BY_ENGINE.computeIfAbsent(forms, DeployedForms::new);
  }

  /** The form of a user task; empty if it has no Camunda Form. Call without authorization. */
  public Optional<FormDefinition> ofTask(Task task) {
    return ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId());
  }

  /** As {@link #ofTask(Task)}, for a task seen by its listeners. */
  public Optional<FormDefinition> ofTask(DelegateTask task) {
    return ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId());
  }

  private Optional<FormDefinition> ofTask(String processDefinitionId, String activityId, String taskId) {
    return cache.computeIfAbsent(
        processDefinitionId + "#" + activityId, key -> read(() -> forms.getDeployedTaskForm(taskId)));
  }

  /** The start form of a process definition; empty if it has none. Call without authorization. */
  public Optional<FormDefinition> ofStart(String processDefinitionId) {
    return cache.computeIfAbsent(
        processDefinitionId + "#start", key -> read(() -> forms.getDeployedStartForm(processDefinitionId)));
  }

  private static Optional<FormDefinition> read(java.util.function.Supplier<InputStream> form) {
    InputStream json;
    try {
      json = form.get();
    } catch (ProcessEngineException noCamundaForm) {
      return Optional.empty();
    }
    return json == null ? Optional.empty() : Optional.of(FormDefinition.parse(json));
  }
}
