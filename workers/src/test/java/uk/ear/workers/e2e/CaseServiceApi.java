package uk.ear.workers.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The case service over HTTP as outside systems use it: {@code /api} as the police integration,
 * {@code /engine-rest} as Tasklist does for a signed-in worker. Every demo user's password is
 * {@code demo}.
 */
final class CaseServiceApi {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status code and body as JSON (NullNode where there is none). */
  record Response(int code, JsonNode body) {}

  private final RestClient client;

  CaseServiceApi(String baseUrl) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(30));
    this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
  }

  Response get(String user, String path) {
    return call(HttpMethod.GET, user, path, null);
  }

  Response post(String user, String path, Object body) {
    return call(HttpMethod.POST, user, path, body);
  }

  private Response call(HttpMethod method, String user, String path, Object body) {
    RestClient.RequestBodySpec request =
        client
            .method(method)
            .uri(path)
            .header(
                HttpHeaders.AUTHORIZATION,
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(JSON.valueToTree(body).toString());
    }
    return request.exchange(
        (req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          JsonNode json;
          try {
            json = bytes.length == 0 ? NullNode.instance : JSON.readTree(bytes);
          } catch (IOException notJson) {
            json = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
          }
          return new Response(res.getStatusCode().value(), json);
        });
  }

  /**
   * The body of {@code POST /engine-rest/task/{id}/submit-form} as Tasklist sends it for a
   * deployed Camunda Form: every enabled input field with a plausible value of the type Tasklist
   * sends (datetime as London local time without offset, radio and select as the first option,
   * checkbox unticked unless required, optional dates empty), then {@code values}. A Map value is a typed value as the REST API
   * takes it, e.g. {@code {"value": "[...]", "type": "Json"}} for a checklist.
   */
  static ObjectNode formSubmission(JsonNode form, Map<String, Object> values) {
    ObjectNode variables = JSON.createObjectNode();
    fill(form.path("components"), variables);
    values.forEach(
        (key, value) ->
            variables.set(
                key,
                value instanceof Map<?, ?> typed
                    ? JSON.valueToTree(typed)
                    : JSON.createObjectNode().set("value", JSON.valueToTree(value))));
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
            case "textfield" -> "Filled in by the end-to-end test";
            case "textarea" -> "Seen at home with a parent. Agreed a plan for tomorrow.";
            // unticked, as the browser sends a box nobody ticked, unless the form requires it
            case "checkbox" -> c.path("validate").path("required").asBoolean(false);
            case "number" -> 1;
            case "radio", "select" -> c.path("values").path(0).path("value").asText();
            // an optional date ("missing person only: when did they return?") stays empty
            case "datetime" -> !c.path("validate").path("required").asBoolean(false) ? null
                : "date".equals(c.path("subtype").asText()) ? java.time.LocalDate.now(LONDON).toString()
                : LocalDateTime.now(LONDON).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString();
            // checklist: Tasklist sends a Json value; the test gives it
            default -> null;
          };
      if (value != null) {
        variables.set(c.path("key").asText(), JSON.createObjectNode().set("value", JSON.valueToTree(value)));
      }
    }
  }
}
