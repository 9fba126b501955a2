package uk.ear.workers.task;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.client.exception.ExternalTaskClientException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.ear.workers.idempotency.StepInProgressElsewhere;

/**
 * Runs one {@link TopicHandler} for the client and tells the engine how it went: complete, BPMN
 * error, or failure with the retries and delay of the {@link RetryPolicy} (retries 0: incident).
 * While the application shuts down it hands tasks back (unlock) instead of starting them. Logs
 * carry references only.
 */
public class TaskRunner implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
  static final int MAX_MESSAGE = 600;

  private final TopicHandler handler;
  private final RetryPolicy retries;
  private final AtomicBoolean stopping;

  public TaskRunner(TopicHandler handler, RetryPolicy retries, AtomicBoolean stopping) {
    this.handler = handler;
    this.retries = retries;
    this.stopping = stopping;
  }

  public TopicHandler handler() {
    return handler;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    MDC.put("topic", task.getTopicName());
    MDC.put("caseRef", String.valueOf(task.getBusinessKey()));
    try {
      if (stopping.get()) {
        log.info("shutting down: handing task {} back to the engine", task.getId());
        service.unlock(task);
        return;
      }
      run(task, service);
    } finally {
      MDC.remove("topic");
      MDC.remove("caseRef");
    }
  }

  private void run(ExternalTask task, ExternalTaskService service) {
    String what;
    try {
      what = handler.describe(task);
      handler.handle(task);
    } catch (StepInProgressElsewhere e) {
      log.info("{} on task {}: {}; leaving the task to its lock", task.getTopicName(), task.getId(),
          e.getMessage());
      return;
    } catch (BusinessError e) {
      log.info("{} on task {}: BPMN error {}", task.getTopicName(), task.getId(), e.code());
      service.handleBpmnError(task, e.code(), truncate(e.getMessage()));
      return;
    } catch (PermanentFailure e) {
      log.warn("{} on task {} failed for good (incident): {}", task.getTopicName(), task.getId(),
          e.getMessage());
      service.handleFailure(task, truncate(e.getMessage()), FailureDetails.of(e), 0, 0);
      return;
    } catch (RuntimeException e) {
      reportRetryable(task, service, e);
      return;
    }
    try {
      service.complete(task);
      log.info("{} done: task {} of process instance {}", what, task.getId(),
          task.getProcessInstanceId());
    } catch (ExternalTaskClientException e) {
      // sent (and recorded) but not completed: the lock runs out, the task is fetched again and
      // the idempotency record makes that attempt complete without sending a second time
      log.warn("{} was sent but task {} could not be completed ({}); it will be completed when"
          + " fetched again, without sending twice", what, task.getId(), e.getMessage());
    }
  }

  private void reportRetryable(ExternalTask task, ExternalTaskService service, RuntimeException e) {
    RetryPolicy.Next next = retries.afterFailure(task.getRetries());
    String what = describeSafely(task);
    String cause = String.valueOf(FailureDetails.safeMessage(e));
    String message =
        next.exhausted()
            ? what + " failed after " + next.attempt() + " attempts: " + cause
            : what + " failed (attempt " + next.attempt() + " of " + next.attempts() + "), retry in "
                + next.delay() + ": " + cause;
    log.warn("task {}: {}", task.getId(), message);
    service.handleFailure(
        task, truncate(message), FailureDetails.of(e), next.retries(), next.delay().toMillis());
  }

  private String describeSafely(ExternalTask task) {
    try {
      return handler.describe(task);
    } catch (RuntimeException e) {
      return task.getTopicName() + " for " + task.getBusinessKey();
    }
  }

  private static String truncate(String message) {
    if (message == null) {
      return null;
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
