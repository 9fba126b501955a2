package uk.ear.workers.task;

/**
 * A business failure the process models: reported as a BPMN error with this code, caught by an
 * error event in the diagram. Its message carries references only.
 */
public class BusinessError extends RuntimeException {

  private final String code;

  public BusinessError(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
