package uk.ear.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** HTTP to one node, as the police system, the bench account, a person or the administrator. */
final class Api {

  record Auth(String header, String value) {
    static Auth apiKey(String key) {
      return new Auth("X-API-Key", key);
    }

    static Auth basic(String user, String password) {
      return new Auth(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
  }

  static final Auth POLICE = Auth.apiKey(ServiceNode.POLICE_KEY);
  static final Auth BENCH = Auth.apiKey(ServiceNode.BENCH_KEY);
  static final Auth ADMIN = Auth.basic("admin", "demo");
  static final Auth WORKERS = Auth.apiKey(ServiceNode.WORKERS_KEY);

  record Answer(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      return Json.read(body);
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    Answer expect(int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new IllegalStateException("HTTP " + status + ": " + body);
    }
  }

  private final HttpClient http;
  private final String base;

  Api(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  String base() {
    return base;
  }

  Answer get(String path, Auth auth) throws IOException {
    return send(request(path, auth).GET().build());
  }

  Answer post(String path, Auth auth, String json) throws IOException {
    return send(
        request(path, auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** As {@link #post(String, Auth, String)}, but gives up after {@code timeout} (an {@link java.net.http.HttpTimeoutException}). */
  Answer post(String path, Auth auth, String json, Duration timeout) throws IOException {
    return send(
        request(path, auth)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** As {@link #get(String, Auth)}, but gives up after {@code timeout}. */
  Answer get(String path, Auth auth, Duration timeout) throws IOException {
    return send(request(path, auth).timeout(timeout).GET().build());
  }

  Answer put(String path, Auth auth, String json) throws IOException {
    return send(
        request(path, auth)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
            .build());
  }

  /** {@code multipart/form-data} with one file part, as a deployment expects. */
  Answer deploy(String deploymentName, String fileName, byte[] content, Auth auth) throws IOException {
    String boundary = "----ear-bench-" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    for (String[] field : new String[][] {{"deployment-name", deploymentName}, {"enable-duplicate-filtering", "true"}}) {
      head.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
          .append(field[1]).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"").append(fileName).append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + content.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(content, 0, body, start.length, content.length);
    System.arraycopy(end, 0, body, start.length + content.length, end.length);
    return send(
        request("/engine-rest/deployment/create", auth)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  HttpRequest.Builder request(String path, Auth auth) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (auth != null) {
      builder.header(auth.header(), auth.value());
    }
    return builder;
  }

  Answer send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.body(), answer.headers().map());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
