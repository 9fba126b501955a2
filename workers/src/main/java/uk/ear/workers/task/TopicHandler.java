package uk.ear.workers.task;

import java.util.List;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * The work of one topic. Returning normally means "done" (sent now, or sent before): the task is
 * completed. Throw {@link BusinessError} for a modelled business failure, {@link PermanentFailure}
 * for an incident now, anything else to be retried with backoff.
 */
public interface TopicHandler {

  /** The topic name, part of the contract with the BPMN (see README). */
  String topic();

  /** The only variables fetched with a task: references, never case content. */
  List<String> variables();

  /** What the task is about, for messages and logs ("the ATTACHED police update"). */
  String describe(ExternalTask task);

  void handle(ExternalTask task);
}
