package uk.ear.workers.task;

/**
 * A failure that retrying will not cure (the police system rejects the update, the case is not
 * visible to the workers, configuration is missing): reported with retries 0, so the engine raises
 * an incident at once. Its message carries references only; it is what Cockpit shows.
 */
public class PermanentFailure extends RuntimeException {

  public PermanentFailure(String message) {
    super(message);
  }

  public PermanentFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
