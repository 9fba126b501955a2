package uk.ear.caseservice.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The service over HTTP, as outside systems and Tasklist see it. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, headers and body as JSON (NullNode where there is none). */
  public record Response(HttpStatusCode status, HttpHeaders headers, JsonNode body) {
    public int code() {
      return status.value();
    }

    public String contentType() {
      return String.valueOf(headers.getContentType());
    }
  }

  /** A response whose body is not JSON (a PDF): status and bytes. */
  public record Raw(int code, String contentType, byte[] bytes) {}

  private final RestClient client;

  public Api(int port) {
    this.client =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
            .build();
  }

  public Response get(String user, String path) {
    return call(HttpMethod.GET, user, path, null);
  }

  public Response post(String user, String path, Object body) {
    return call(HttpMethod.POST, user, path, body);
  }

  public Response put(String user, String path, Object body) {
    return call(HttpMethod.PUT, user, path, body);
  }

  /** A GET whose answer is read as bytes, e.g. a PDF. */
  public Raw getBytes(String user, String path) {
    return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, basic(user))
        .exchange((req, res) -> new Raw(res.getStatusCode().value(),
            String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
  }

  /** {@code user} null: no credentials; "user:password" for a specific password; else "demo". */
  public Response call(HttpMethod method, String user, String path, Object body) {
    return send(method, path, body, user == null ? Map.of() : Map.of(HttpHeaders.AUTHORIZATION, basic(user)));
  }

  /** As a service account with its API key ({@code X-API-Key}), no password. */
  public Response withKey(String apiKey, HttpMethod method, String path, Object body) {
    return send(method, path, body, Map.of("X-API-Key", apiKey));
  }

  /** The {@code Authorization} header of HTTP Basic for {@code user} as {@link #call} sends it. */
  public static String basic(String user) {
    String credentials = user.contains(":") ? user : user + ":demo";
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** Any request with exactly these headers (plus JSON content type when there is a body). */
  public Response send(HttpMethod method, String path, Object body, Map<String, String> headers) {
    RestClient.RequestBodySpec request = client.method(method).uri(path);
    headers.forEach(request::header);
    if (body != null) {
      if (!headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
        request.contentType(MediaType.APPLICATION_JSON);
      }
      request.body(body instanceof String s ? s : JSON.valueToTree(body).toString());
    }
    return request.exchange(
        (req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          JsonNode json;
          try {
            json = bytes.length == 0 ? NullNode.instance : JSON.readTree(bytes);
          } catch (java.io.IOException notJson) {
            json = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
          }
          return new Response(res.getStatusCode(), res.getHeaders(), json);
        });
  }
}
