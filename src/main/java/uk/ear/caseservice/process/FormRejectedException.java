package uk.ear.caseservice.process;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task form the server will not accept. The message is written for the worker: Tasklist shows
 * it, and the task stays open with nothing stored.
 */
public class FormRejectedException extends ProcessEngineException {

  private final List<String> problems;

  public FormRejectedException(String taskName, List<String> problems) {
    super(taskName + ": please correct the form. " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> getProblems() {
    return problems;
  }
}
