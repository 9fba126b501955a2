package uk.ear.caseservice.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Fills a deployed Camunda Form as a worker in Tasklist would: every enabled field a value of the
 * type Tasklist submits (datetime as London local time without an offset, a radio or select one of
 * its options, a checkbox unticked unless required, a required checklist one option, optional dates
 * empty unless the form shows them only for some answers: those a week ahead). With a random source,
 * choices are random; without, the first option (what a cautious worker's "default" looks like).
 */
public final class SimulatedForm {

  private SimulatedForm() {}

  /**
   * @param form the form's JSON
   * @param now the worker's "now" in London local time
   * @param random where choices come from, or null for each first option
   */
  public static Map<String, Object> values(JsonNode form, LocalDateTime now, RandomGenerator random) {
    Map<String, Object> values = new HashMap<>();
    fill(form.path("components"), now, random, values);
    return values;
  }

  private static void fill(JsonNode components, LocalDateTime now, RandomGenerator random, Map<String, Object> values) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        fill(c.path("components"), now, random, values);
      }
      if (!c.has("key") || c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false)) {
        continue;
      }
      boolean required = c.path("validate").path("required").asBoolean(false);
      Object value =
          switch (c.path("type").asText()) {
            case "textfield" -> "Recorded by the simulation";
            case "textarea" -> "Seen with the police. Agreed what happens next; simulated record.";
            // unticked, as the browser sends a box nobody ticked, unless the form requires it
            case "checkbox" -> required;
            case "number" -> c.path("validate").has("min") ? c.path("validate").path("min").asLong() : 1L;
            case "radio", "select" -> option(c.path("values"), random);
            // a JSON array, as Tasklist sends a checklist: one option ticked where one is required
            case "checklist" -> required ? "[\"" + option(c.path("values"), random) + "\"]" : null;
            // a date the form shows only for some answers (e.g. "next review on") is ahead;
            // any other optional date stays empty
            case "datetime" -> c.has("conditional") && "date".equals(c.path("subtype").asText())
                ? now.toLocalDate().plusDays(7).toString()
                : !required ? null
                : "date".equals(c.path("subtype").asText())
                    ? now.toLocalDate().toString()
                    : now.truncatedTo(ChronoUnit.MINUTES).toString();
            default -> null;
          };
      if (value != null) {
        values.put(c.path("key").asText(), value);
      }
    }
  }

  private static String option(JsonNode options, RandomGenerator random) {
    if (options.isEmpty()) {
      return null;
    }
    int index = random == null ? 0 : random.nextInt(options.size());
    return options.path(index).path("value").asText();
  }
}
