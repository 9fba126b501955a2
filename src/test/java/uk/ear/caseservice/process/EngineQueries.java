package uk.ear.caseservice.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** What the engine-only process tests ask the engine about a case: timers, tasks, who may work. */
final class EngineQueries {

  private EngineQueries() {}

  static Job timerAt(ProcessInstance pi, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .activityId(activityId)
        .singleResult();
  }

  static List<Job> timers(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
  }

  /** The timers due now by the engine's clock. */
  static List<Job> executableTimers(ProcessInstance pi) {
    return managementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .executable()
        .list();
  }

  static Task taskAt(String key) {
    return taskQuery().taskDefinitionKey(key).singleResult();
  }

  /** The users offered the task by name. */
  static List<String> candidateUsers(Task task) {
    return candidates(task).stream().map(IdentityLink::getUserId).filter(u -> u != null).toList();
  }

  /** The groups offered the task. */
  static List<String> groups(Task task) {
    return candidates(task).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private static List<IdentityLink> candidates(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .toList();
  }
}
