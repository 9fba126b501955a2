package uk.ear.workers.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.task.ExternalTask;

/** A fetched external task as the client hands it to a handler. */
public final class Tasks {

  private Tasks() {}

  public static ExternalTask task(String topic, Integer retries, Map<String, Object> variables) {
    return task(topic, retries, variables, UUID.randomUUID().toString(), "Task_Send:" + UUID.randomUUID());
  }

  public static ExternalTask task(
      String topic,
      Integer retries,
      Map<String, Object> variables,
      String processInstanceId,
      String activityInstanceId) {
    ExternalTask task = mock(ExternalTask.class);
    Map<String, Object> values = new HashMap<>(variables);
    when(task.getId()).thenReturn(UUID.randomUUID().toString());
    when(task.getTopicName()).thenReturn(topic);
    when(task.getRetries()).thenReturn(retries);
    when(task.getProcessInstanceId()).thenReturn(processInstanceId);
    when(task.getActivityInstanceId()).thenReturn(activityInstanceId);
    when(task.getActivityId()).thenReturn("Task_Send");
    when(task.getBusinessKey()).thenReturn((String) values.get("caseRef"));
    when(task.getVariable(org.mockito.ArgumentMatchers.anyString()))
        .thenAnswer(call -> values.get(call.<String>getArgument(0)));
    return task;
  }

  /** The same step fetched again with the engine's current retries. */
  public static ExternalTask again(ExternalTask first, Integer retries) {
    Map<String, Object> values = new HashMap<>();
    for (String name : new String[] {"caseRef", "policeEvent", "receivingService", "alertKind"}) {
      Object value = first.getVariable(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    String id = first.getId();
    ExternalTask task =
        task(first.getTopicName(), retries, values, first.getProcessInstanceId(),
            first.getActivityInstanceId());
    when(task.getId()).thenReturn(id);
    return task;
  }
}
