package uk.ear.caseservice.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A signed-in session of Camunda's webapps, as the browser has it: the session cookie and the
 * CSRF token the webapps ask for. For calling the engine API behind Tasklist and Cockpit
 * ({@code /camunda/api/engine/...}) the way they do.
 */
public final class WebappSession {

  private final HttpClient http;
  private final CookieManager cookies;
  private final String base;

  private WebappSession(int port) {
    this.cookies = new CookieManager();
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    this.base = "http://localhost:" + port;
  }

  /** Logs in to {@code app} ("tasklist", "cockpit", "admin"); fails unless the login succeeds. */
  public static WebappSession login(int port, String app, String user, String password) {
    WebappSession session = new WebappSession(port);
    HttpResponse<String> login = session.tryLogin(app, user, password);
    if (login.statusCode() != 200) {
      throw new AssertionError("login of " + user + " to " + app + ": " + login.statusCode() + " " + login.body());
    }
    // the login starts a new session: its first read hands out the token that session expects
    session.send(HttpRequest.newBuilder(session.uri("/camunda/api/engine/engine/")).GET());
    return session;
  }

  /** The webapp's answer to a login, as the login page sends it: 200 when signed in. */
  public static HttpResponse<String> attemptLogin(int port, String app, String user, String password) {
    return new WebappSession(port).tryLogin(app, user, password);
  }

  private HttpResponse<String> tryLogin(String app, String user, String password) {
    send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/")).GET());
    return send(
        withToken(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "username=" + encode(user) + "&password=" + encode(password))));
  }

  /** A JSON POST with the session's cookie and CSRF token. */
  public HttpResponse<String> post(String path, String json) {
    return send(
        withToken(HttpRequest.newBuilder(uri(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A GET from a page of {@code app} ("tasklist", "cockpit"), as that page's scripts send it. */
  public HttpResponse<String> get(String path, String app) {
    return send(HttpRequest.newBuilder(uri(path)).header("Referer", base + "/camunda/app/" + app + "/default/").GET());
  }

  /** A JSON POST from a page of {@code app}, with the session's cookie and CSRF token. */
  public HttpResponse<String> post(String path, String json, String app) {
    return send(
        withToken(HttpRequest.newBuilder(uri(path)))
            .header("Content-Type", "application/json")
            .header("Referer", base + "/camunda/app/" + app + "/default/")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A page of the service (e.g. the case page) with the webapps' session. */
  public HttpResponse<String> page(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** An HTML form posted from a page of the service, as a browser posts it. */
  public HttpResponse<String> form(String path, java.util.Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
            .collect(java.util.stream.Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A visitor with no session at all. */
  public static WebappSession anonymous(int port) {
    return new WebappSession(port);
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst()
        .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
