package uk.ear.caseservice.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Camunda Form ({@code forms/*.form}) read for the server: its id and its input fields by key.
 * Fields inside groups count as the form's own; components without a key (text, spacers) do not.
 */
public record FormDefinition(String id, Map<String, FormField> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a task without a Camunda Form accepts: no field at all. */
  public static final FormDefinition NONE = new FormDefinition(null, Map.of());

  public FormDefinition {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Optional<FormField> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  public static FormDefinition parse(InputStream json) {
    try (json) {
      return parse(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("not a Camunda Form", e);
    }
  }

  public static FormDefinition parse(JsonNode form) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new FormDefinition(form.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, FormField> fields) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.path("components"), fields);
      }
      String key = c.path("key").asText("");
      if (key.isEmpty()) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(v.path("value").asText()));
      fields.put(
          key,
          new FormField(
              key,
              label(c, key),
              c.path("type").asText(),
              !c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false),
              validate.path("required").asBoolean(false),
              validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
              validate.has("min") ? validate.path("min").asDouble() : null,
              validate.has("max") ? validate.path("max").asDouble() : null,
              options));
    }
  }

  /** What the worker reads above the field: its label (a datetime's date label), else the key. */
  private static String label(JsonNode c, String key) {
    for (String name : List.of("label", "dateLabel")) {
      String label = c.path(name).asText("");
      if (!label.isBlank()) {
        return label;
      }
    }
    return key;
  }
}
