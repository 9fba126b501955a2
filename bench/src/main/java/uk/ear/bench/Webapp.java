package uk.ear.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person signed in to Tasklist, calling the engine API behind it ({@code /camunda/api/engine})
 * with the session cookie and CSRF token, as the browser does.
 */
final class Webapp {

  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private final String base;
  private long lastCount;

  private Webapp(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static Webapp login(Api api, String user, String password) throws IOException {
    Webapp w = new Webapp(api.base());
    w.send(HttpRequest.newBuilder(w.uri("/camunda/app/tasklist/")).GET());
    HttpResponse<String> login =
        w.send(
            w.withToken(HttpRequest.newBuilder(w.uri("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + ": " + login.statusCode() + " " + login.body());
    }
    w.send(HttpRequest.newBuilder(w.uri("/camunda/api/engine/engine/")).GET());
    return w;
  }

  /** Tasklist's list: the first 15 tasks of the query, sorted as given, and the query's count. */
  int firstPageAndCount(String query) throws IOException {
    HttpResponse<String> page = post("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15", query);
    if (page.statusCode() != 200) {
      return page.statusCode();
    }
    HttpResponse<String> count = post("/camunda/api/engine/engine/default/task/count", query);
    if (count.statusCode() == 200) {
      lastCount = Json.read(count.body()).get("count").asLong();
    }
    return count.statusCode();
  }

  long lastCount() {
    return lastCount;
  }

  private HttpResponse<String> post(String path, String json) throws IOException {
    return send(
        withToken(HttpRequest.newBuilder(uri(path)))
            .header("Content-Type", "application/json")
            .header("Referer", base + "/camunda/app/tasklist/default/")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst()
        .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }
}
