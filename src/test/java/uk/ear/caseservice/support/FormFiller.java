package uk.ear.caseservice.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Fills a deployed Camunda Form the way Tasklist submits it: every enabled input field gets a
 * plausible value of the type Tasklist sends (datetime as local time without offset, radio and
 * select as the first option's value, checkbox unticked, optional dates empty), then the test's
 * overrides.
 */
public final class FormFiller {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFiller() {}

  public static ObjectNode submission(JsonNode form, Map<String, Object> overrides) {
    ObjectNode variables = JSON.createObjectNode();
    fill(form.path("components"), variables);
    overrides.forEach(
        (key, value) -> {
          if (value == null) {
            variables.remove(key);
          } else if (value instanceof Map<?, ?> typed) {
            // a typed value as the REST API takes it, e.g. {"value": "[...]", "type": "Json"}
            variables.set(key, JSON.valueToTree(typed));
          } else {
            variables.set(key, JSON.createObjectNode().set("value", JSON.valueToTree(value)));
          }
        });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  private static void fill(JsonNode components, ObjectNode variables) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        fill(c.path("components"), variables);
      }
      if (!c.has("key") || c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false)) {
        continue;
      }
      Object value =
          switch (c.path("type").asText()) {
            case "textfield" -> "Filled in by a test";
            case "textarea" -> "Seen at home with a parent. Agreed a plan for tomorrow.";
            // unticked, as the browser sends a box nobody ticked (e.g. "refer on judgement"),
            // unless the form requires it ticked
            case "checkbox" -> c.path("validate").path("required").asBoolean(false);
            case "number" -> 1;
            case "radio", "select" -> c.path("values").path(0).path("value").asText();
            case "checklist" -> null; // Tasklist sends a Json value: give it with the overrides
            // an optional date ("missing person only: when did they return?") stays empty
            case "datetime" -> !c.path("validate").path("required").asBoolean(false) ? null
                : "date".equals(c.path("subtype").asText())
                    ? java.time.LocalDate.now(new uk.ear.caseservice.policy.EngineClock(ZoneId.of("Europe/London"))).toString()
                    : LocalDateTime.now(new uk.ear.caseservice.policy.EngineClock(ZoneId.of("Europe/London")))
                    .minusMinutes(1)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .toString();
            default -> null;
          };
      if (value != null) {
        variables.set(c.path("key").asText(), JSON.createObjectNode().set("value", JSON.valueToTree(value)));
      }
    }
  }
}
