package uk.ear.caseservice.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a completion may carry: the fields of the task's own form and nothing else. Fields the form
 * only shows may be sent back unchanged. Whether each value is one the form allows (options,
 * bounds, required) is the task's form handler's to check, so the worker hears of every problem
 * at once.
 */
public final class FormSubmission {

  /** A variable name that can be quoted back safely: Tasklist shows messages as HTML. */
  private static final Pattern QUOTABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private FormSubmission() {}

  /**
   * The problems of {@code submitted} against {@code form}; {@code current} gives the value a
   * field has now (for fields the form only shows).
   */
  public static List<String> problems(
      FormDefinition form, Map<String, ?> submitted, Function<String, Object> current) {
    List<String> problems = new ArrayList<>();
    int unquotable = 0;
    for (Map.Entry<String, ?> entry : new java.util.TreeMap<String, Object>(submitted).entrySet()) {
      FormField field = form.fields().get(entry.getKey());
      if (field == null) {
        if (QUOTABLE.matcher(entry.getKey()).matches()) {
          problems.add("'" + entry.getKey() + "' is not a field of this form.");
        } else {
          unquotable++;
        }
        continue;
      }
      String problem = check(field, entry.getValue(), current);
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (unquotable > 0) {
      problems.add("A value was sent that is not a field of this form.");
    }
    return problems;
  }

  private static String check(FormField field, Object value, Function<String, Object> current) {
    if (field.editable() || Objects.equals(value, current.apply(field.key()))) {
      return null;
    }
    return "'" + field.label() + "' is shown by the form and cannot be changed.";
  }
}
