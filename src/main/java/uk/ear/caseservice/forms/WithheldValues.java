package uk.ear.caseservice.forms;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The free text of a form submission, kept off the engine: while the completion runs, its text
 * fields are here instead of in the command's variables, so the task's handler reads them and
 * stores them in the case record, and no engine table (runtime variables, variable history, form
 * property history) ever holds them. Bound to the thread of the one command that completes the
 * task.
 */
public final class WithheldValues {

  private static final ThreadLocal<Map<String, Object>> CURRENT = new ThreadLocal<>();

  private WithheldValues() {}

  /** Runs {@code command} with {@code values} withheld from the engine. */
  public static <T> T during(Map<String, Object> values, Supplier<T> command) {
    if (values.isEmpty()) {
      return command.get();
    }
    Map<String, Object> outer = CURRENT.get();
    CURRENT.set(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values)));
    try {
      return command.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The withheld values of the completion running on this thread (empty if none). */
  public static Map<String, Object> current() {
    Map<String, Object> values = CURRENT.get();
    return values == null ? Map.of() : values;
  }

  /** Free text the worker typed: editable text fields. Their values never reach the engine. */
  public static boolean isWithheld(FormField field) {
    return field.editable() && ("textfield".equals(field.type()) || "textarea".equals(field.type()));
  }
}
