package uk.ear.caseservice.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** How the clients of a form send its values, read the same way wherever they are checked. */
public final class SubmittedValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedValues() {}

  /**
   * The ticked options of a checklist or taglist: Tasklist submits a JSON array (a Spin value),
   * other clients a list or a JSON string. Null when the value is not a list of any kind.
   */
  public static List<String> asList(Object value) {
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> items.add(e.isString() ? e.stringValue() : e.toString()));
    } else if (value instanceof Collection<?> list) {
      list.forEach(e -> items.add(String.valueOf(e)));
    } else if (value instanceof String text && text.strip().startsWith("[")) {
      try {
        JsonNode array = JSON.readTree(text);
        array.forEach(e -> items.add(e.isTextual() ? e.asText() : e.toString()));
      } catch (java.io.IOException notJson) {
        return null;
      }
    } else {
      return null;
    }
    return items;
  }
}
