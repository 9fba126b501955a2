package uk.ear.caseservice.integrity;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A claim or assignment the service refuses: answered {@code 403} with this message alone, by
 * {@code /engine-rest} and by the webapps' engine API behind Tasklist.
 */
public class TaskAssignmentRefused extends ProcessEngineException {

  public TaskAssignmentRefused(String message) {
    super(message);
  }
}
