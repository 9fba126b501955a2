package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.integrity.CommandRules;

/**
 * The element templates designers add service tasks from (element-templates/, loaded into
 * Modeler) bind to what the service really has: each delegate expression names a delegate bean,
 * each topic is one the workers serve. Their schema is checked by the build (npm run lint); the
 * workers' own test checks the topics and the values of their inputs.
 */
class ElementTemplatesTest {

  static final List<JsonNode> TEMPLATES = ModelChecks.templates(Path.of("element-templates"));

  @Test
  void everyDelegateATemplateNamesIsADelegateOfTheService() throws Exception {
    Set<String> delegates = new HashSet<>();
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
    for (var candidate : scanner.findCandidateComponents("uk.ear.caseservice")) {
      Component component = Class.forName(candidate.getBeanClassName()).getAnnotation(Component.class);
      if (component != null) {
        delegates.add("${" + component.value() + "}");
      }
    }
    Set<String> named = bound("camunda:delegateExpression");
    assertThat(named).isNotEmpty();
    assertThat(delegates).containsAll(named);
  }

  @Test
  void everyTopicATemplateNamesIsOneTheWorkersServe() {
    assertThat(bound("camunda:topic")).isEqualTo(CommandRules.WORKER_TOPICS);
  }

  @Test
  void templateIdsAreUniqueAndVersioned() {
    Set<String> ids = new HashSet<>();
    for (JsonNode template : TEMPLATES) {
      assertThat(ids.add(template.path("id").asText())).as(template.path("id").asText()).isTrue();
      assertThat(template.path("version").asInt()).isPositive();
      assertThat(template.path("id").asText()).startsWith("uk.ear.");
    }
  }

  /** The values the templates bind to a property, e.g. every camunda:topic. */
  private static Set<String> bound(String property) {
    Set<String> values = new HashSet<>();
    for (JsonNode template : TEMPLATES) {
      for (JsonNode p : template.path("properties")) {
        if (p.path("binding").path("name").asText().equals(property)) {
          values.add(p.path("value").asText());
        }
      }
    }
    return values;
  }
}
