package uk.ear.caseservice.forms;

import java.util.List;

/**
 * One input of a deployed Camunda Form, as the designer saved it in Modeler: the variable it
 * submits ({@code key}), what the worker reads ({@code label}) and the checks the browser makes.
 * {@code editable} is false for fields the form only shows (disabled or read-only): Tasklist may
 * send their value back, but a completion may not change it.
 */
public record FormField(
    String key,
    String label,
    String type,
    boolean editable,
    boolean required,
    Integer maxLength,
    Double min,
    Double max,
    List<String> options) {

  public FormField {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
