package uk.ear.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.ear.workers.alerts.AlertKind;
import uk.ear.workers.alerts.ManagerAlertService;
import uk.ear.workers.handover.HandoverService;
import uk.ear.workers.police.PoliceEvent;
import uk.ear.workers.police.PoliceUpdateService;

/**
 * The element templates process designers add the workers' tasks from ({@code
 * ../element-templates/ear-workers.json}) name exactly the topics these workers serve, and offer
 * exactly the input values they understand: a topic or a value mistyped in a template fails here.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("..", "element-templates", "ear-workers.json");

  @Test
  void theTemplatesTopicsAreTheWorkersTopics() throws Exception {
    assertThat(topics().values().stream().collect(java.util.stream.Collectors.toSet()))
        .containsExactlyInAnyOrder(PoliceUpdateService.TOPIC, ManagerAlertService.TOPIC, HandoverService.TOPIC);
  }

  @Test
  void theTemplatesOfferTheValuesTheWorkersUnderstand() throws Exception {
    assertThat(choices("policeEvent"))
        .isEqualTo(names(PoliceEvent.values()));
    assertThat(choices("alertKind"))
        .isEqualTo(names(AlertKind.values()));
  }

  private static Map<String, String> topics() throws Exception {
    Map<String, String> topics = new HashMap<>();
    for (JsonNode template : new ObjectMapper().readTree(TEMPLATES.toFile())) {
      for (JsonNode p : template.path("properties")) {
        if (p.path("binding").path("name").asText().equals("camunda:topic")) {
          topics.put(template.path("id").asText(), p.path("value").asText());
        }
      }
    }
    return topics;
  }

  private static Set<String> choices(String input) throws Exception {
    Set<String> values = new HashSet<>();
    for (JsonNode template : new ObjectMapper().readTree(TEMPLATES.toFile())) {
      for (JsonNode p : template.path("properties")) {
        if (p.path("binding").path("name").asText().equals(input)) {
          p.path("choices").forEach(c -> values.add(c.path("value").asText()));
        }
      }
    }
    return values;
  }

  private static Set<String> names(Enum<?>[] values) {
    return new HashSet<>(Arrays.stream(values).map(Enum::name).toList());
  }
}
