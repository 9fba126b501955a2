package uk.ear.workers.task;

import org.camunda.bpm.client.task.ExternalTask;

/** Reading the contract's variables; a missing or wrong one is a modelling error: an incident. */
public final class TaskVariables {

  public static final String CASE_REF = "caseRef";

  private TaskVariables() {}

  public static String required(ExternalTask task, String name) {
    Object value = task.getVariable(name);
    if (value instanceof String text && !text.isBlank()) {
      return text.strip();
    }
    throw new PermanentFailure(
        "Process variable '"
            + name
            + "' is missing or not a text on topic "
            + task.getTopicName()
            + " (activity "
            + task.getActivityId()
            + "); fix the model or set the variable, then retry");
  }

  public static String optional(ExternalTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }

  /** The case reference: the {@code caseRef} variable, else the business key. */
  public static String caseRef(ExternalTask task) {
    String ref = optional(task, CASE_REF);
    if (ref == null && task.getBusinessKey() != null && !task.getBusinessKey().isBlank()) {
      return task.getBusinessKey();
    }
    return ref != null ? ref : required(task, CASE_REF);
  }

  public static <E extends Enum<E>> E requiredEnum(ExternalTask task, String name, Class<E> type) {
    String value = required(task, name);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new PermanentFailure(
          "Process variable '"
              + name
              + "' has the unknown value '"
              + value
              + "' on topic "
              + task.getTopicName()
              + "; expected one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
