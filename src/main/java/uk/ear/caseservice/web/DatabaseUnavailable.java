package uk.ear.caseservice.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The answer while the database cannot be reached ({@link DatabaseOutage}): {@code 503 Service
 * Unavailable}, {@code application/problem+json}, {@code Retry-After: <seconds>}: at least
 * {@code ear.database-outage.retry-after} (5 s) and up to {@code retry-after-spread} (5 s) more,
 * at random for each answer, so that the clients refused during an outage come back spread over
 * those seconds rather than all at once when it ends. The same from the service's own API and filters
 * ({@link DatabaseOutageFilter}) and from Camunda's REST API ({@link EngineRestConfig}).
 *
 * <p>Nothing was written when it is given: every write of a request commits in one transaction
 * at its end, so a request that fails on the way rolls back. The one ambiguous case is a commit
 * whose answer never came back (the connection died during it): the client retries after {@code
 * Retry-After}, and an idempotent intake ({@code IdempotentIntake}) answers a retry of a message
 * that did commit with its first answer.
 */
public class DatabaseUnavailable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One warning per period while the database is down, not one per request. */
  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  static final String TITLE = "Database unavailable";
  static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private final long retryAfterSeconds;
  private final long spreadSeconds;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private final AtomicLong sinceWarning = new AtomicLong();

  public DatabaseUnavailable(Duration retryAfter, Duration spread) {
    // Retry-After counts whole seconds; never 0, which would invite an immediate retry storm
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    this.spreadSeconds = Math.max(0, spread.toSeconds());
  }

  /** The {@code Retry-After} of one answer: the shortest plus a random part of the spread. */
  long nextRetryAfterSeconds() {
    return retryAfterSeconds + ThreadLocalRandom.current().nextLong(spreadSeconds + 1);
  }

  /** The problem document for a request of {@code path}, answered with {@code retryAfterSeconds}. */
  private static Map<String, Object> problem(String path, long retryAfterSeconds) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", TITLE);
    problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    problem.put(
        "detail",
        "The service cannot reach its database just now; please try again in "
            + retryAfterSeconds
            + " seconds.");
    if (path != null) {
      problem.put("instance", path);
    }
    return problem;
  }

  /** Answers a servlet request; the response must not be committed yet. */
  public void send(HttpServletRequest request, HttpServletResponse response, Throwable cause)
      throws IOException {
    logged(request.getMethod() + " " + request.getRequestURI(), cause);
    long retryAfter = nextRetryAfterSeconds();
    response.reset();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    // reset() dropped what Spring Security had set; this one matters for a JSON body
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), problem(request.getRequestURI(), retryAfter));
  }

  /** The same answer from a JAX-RS resource (Camunda's REST API). */
  public jakarta.ws.rs.core.Response jaxrs(String what, String path, Throwable cause) {
    logged(what, cause);
    long retryAfter = nextRetryAfterSeconds();
    String body;
    try {
      body = JSON.writeValueAsString(problem(path, retryAfter));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // a String entity: no JSON provider needed for application/problem+json
    return jakarta.ws.rs.core.Response.status(HttpServletResponse.SC_SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .type(PROBLEM_JSON.toString())
        .entity(body)
        .build();
  }

  /**
   * This application's answer, for JAX-RS providers that Jersey, not Spring, creates (the
   * webapps' engine API); the default settings where there is no application context.
   */
  public static DatabaseUnavailable in(ServletContext servletContext) {
    WebApplicationContext context =
        servletContext == null
            ? null
            : WebApplicationContextUtils.getWebApplicationContext(servletContext);
    if (context != null) {
      DatabaseUnavailable bean = context.getBeanProvider(DatabaseUnavailable.class).getIfAvailable();
      if (bean != null) {
        return bean;
      }
    }
    return DEFAULT;
  }

  private static final DatabaseUnavailable DEFAULT = new DatabaseUnavailable(Duration.ofSeconds(5), Duration.ofSeconds(5));

  private void logged(String what, Throwable cause) {
    sinceWarning.incrementAndGet();
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= LOG_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      long answered = sinceWarning.getAndSet(0);
      log.warn(
          "database unreachable: answered 503 to {} ({} request(s) since the last warning): {}",
          what,
          answered,
          rootCause(cause).toString());
    } else if (log.isDebugEnabled()) {
      log.debug("database unreachable: answered 503 to {}: {}", what, rootCause(cause).toString());
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 64 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    return root;
  }
}
