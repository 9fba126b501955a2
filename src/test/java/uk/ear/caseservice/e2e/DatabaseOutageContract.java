package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static uk.ear.caseservice.support.Calls.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.caseservice.support.Api;

/**
 * Issue #14's outage, in the shared H2 and PostgreSQL applications: while the database cannot be reached every
 * call of {@code /api} and {@code /engine-rest} answers {@code 503} problem+json with {@code
 * Retry-After} (authentication included, never {@code 401} or {@code 500}), health says DOWN and
 * so does readiness, not liveness; afterwards the service works again by itself, and what was
 * refused left nothing behind. The database goes away through {@link SwitchableDatabase}, as
 * Hikari reports a stopped PostgreSQL; a second mode loses it only after authentication, so the
 * API's handlers and Camunda's REST resources meet it too.
 */
abstract class DatabaseOutageContract extends EndToEndTest {

  static final String POLICE_KEY = "demo-police-key";

  @Autowired SwitchableDatabase database;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @AfterEach
  void databaseBack() {
    database.up();
  }

  @Test
  void whileTheDatabaseIsDownEveryCallIs503AndAfterwardsTheSameCallWorks() {
    Map<String, Object> call = call();
    String incidentRef = (String) call.get("incidentRef");

    database.down();

    unavailable(api.post("police", "/api/calls", call), "/api/calls");
    // the API key's groups come from the database: 503, not a 401 that says the key is wrong
    unavailable(api.withKey(POLICE_KEY, POST, "/api/calls", call), "/api/calls");
    unavailable(api.get("sw.preston1", "/engine-rest/task"), "/engine-rest/task");
    unavailable(api.get("admin", "/api/cases?team=PRESTON"), "/api/cases");

    Api.Response health = api.get(null, "/actuator/health");
    assertThat(health.code()).isEqualTo(503);
    assertThat(health.body().path("status").asText()).isEqualTo("DOWN");
    assertThat(api.get(null, "/actuator/health/readiness").code()).isEqualTo(503);
    Api.Response liveness = api.get(null, "/actuator/health/liveness");
    assertThat(liveness.code()).as("an outage must not get the service restarted").isEqualTo(200);
    assertThat(liveness.body().path("status").asText()).isEqualTo("UP");

    database.up();

    Api.Response created = api.post("police", "/api/calls", call);
    assertThat(created.code()).isEqualTo(201);
    assertOneCaseFor(incidentRef, created.body().path("caseRef").asText());
    assertThat(api.get(null, "/actuator/health").code()).isEqualTo(200);
    assertThat(api.get(null, "/actuator/health/readiness").code()).isEqualTo(200);
  }

  @Test
  void aDatabaseLostAfterAuthenticationIs503FromTheApiAndFromCamundasResources() {
    Map<String, Object> call = call();
    String incidentRef = (String) call.get("incidentRef");

    // no connection for the handler: Spring's transaction cannot begin
    unavailable(lose("unreachable", POST, "police", "/api/calls", call), "/api/calls");
    unavailable(lose("unreachable", GET, "sw.preston1", "/engine-rest/task", null), "/engine-rest/task");

    // the connection dies under the statement: the engine's own exception, and Camunda's
    // wrapping of it in a RestException (here a 404 "No matching definition", were it not ours)
    unavailable(lose("lost", POST, "police", "/api/calls", call), "/api/calls");
    unavailable(lose("lost", GET, "sw.preston1", "/engine-rest/task", null), "/engine-rest/task");
    unavailable(
        lose("lost", GET, "admin", "/engine-rest/process-definition/EarlyActionCase:1:x", null),
        "/engine-rest/process-definition/EarlyActionCase:1:x");

    // nothing of the refused calls was written: the same call now opens its case
    Api.Response created = api.post("police", "/api/calls", call);
    assertThat(created.code()).isEqualTo(201);
    assertOneCaseFor(incidentRef, created.body().path("caseRef").asText());
  }

  @Test
  void aRequestWaitsAFewSecondsAtMostForAConnection() throws SQLException {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    assertThat(pool.getConnectionTimeout()).isBetween(250L, 5_000L);
    assertThat(pool.getValidationTimeout()).isLessThan(pool.getConnectionTimeout());
  }

  /**
   * An outage is logged as a summary (DatabaseUnavailable, one line in ten seconds), not once or
   * twice for every refused request: Hibernate's own line for each failed statement (a WARN with
   * the SQLState and an ERROR with the driver's message) made a 42 s outage 3,500 lines.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anOutageIsNotLoggedForEveryRefusedRequest(CapturedOutput output) {
    database.down();
    for (int i = 0; i < 3; i++) {
      unavailable(api.post("police", "/api/calls", call()), "/api/calls");
      unavailable(api.get("admin", "/api/cases?team=PRESTON"), "/api/cases");
    }
    database.up();

    // a line of Hibernate's logger, in the console's plain or JSON (ECS) layout; not a stack frame
    assertThat(output.getAll()).as("the refused requests' log")
        .doesNotContainPattern("SqlExceptionHelper +:|\"logger\":\"org\\.hibernate\\.engine\\.jdbc\\.spi\\.SqlExceptionHelper\"");
  }

  /**
   * A node so busy that every connection of its pool is lent out is not an outage: readiness
   * answers at once and says UP, so the load balancer does not take a busy node out and send its
   * calls to the others. (Spring Boot's own check borrowed from the pool: it waited the pool's
   * time-out and said DOWN.) Managers and administrators see the pool's figures.
   */
  @Test
  void aNodeWhosePoolIsAllLentOutStaysReady() throws SQLException {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    List<Connection> lent = new ArrayList<>();
    try {
      while (lent.size() < pool.getMaximumPoolSize()) {
        lent.add(pool.getConnection());
      }
      assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isZero();

      long start = System.nanoTime();
      Api.Response readiness = api.get(null, "/actuator/health/readiness");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(readiness.code()).isEqualTo(200);
      assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
      assertThat(took).isLessThan(Duration.ofMillis(pool.getConnectionTimeout()));
    } finally {
      for (Connection connection : lent) {
        connection.close();
      }
    }

    JsonNode db = api.get("admin", "/actuator/health").body().path("components").path("db");
    assertThat(db.path("status").asText()).isEqualTo("UP");
    assertThat(db.path("details").path("pool").path("maximum").asInt()).isEqualTo(pool.getMaximumPoolSize());
    assertThat(db.path("details").path("pool").has("active")).isTrue();
  }

  /** A request whose database goes away once its caller is authenticated. */
  private Api.Response lose(String how, HttpMethod method, String user, String path, Object body) {
    Map<String, String> headers = new HashMap<>();
    headers.put(HttpHeaders.AUTHORIZATION, Api.basic(user));
    headers.put(SwitchableDatabase.HEADER, how);
    return api.send(method, path, body, headers);
  }

  private static void unavailable(Api.Response response, String path) {
    assertThat(response.code()).as(path + ": " + response.body()).isEqualTo(503);
    assertThat(response.contentType()).startsWith("application/problem+json");
    // 5 s and up to 5 s more, at random (ear.database-outage.retry-after and -spread)
    String retryAfter = response.headers().getFirst(HttpHeaders.RETRY_AFTER);
    assertThat(Integer.parseInt(retryAfter)).isBetween(5, 10);
    assertThat(response.body().path("detail").asText()).contains("in " + retryAfter + " seconds");
    assertThat(response.body().path("status").asInt()).isEqualTo(503);
    assertThat(response.body().path("title").asText()).isEqualTo("Database unavailable");
    assertThat(response.body().path("instance").asText()).isEqualTo(path);
  }

  private void assertOneCaseFor(String incidentRef, String caseRef) {
    assertThat(jdbc.queryForObject(
        "select count(*) from ear_incident where incident_ref = ?", Integer.class, incidentRef))
        .isEqualTo(1);
    assertThat(jdbc.queryForList(
        "select distinct c.case_ref from ear_incident i join ear_case c on c.id = i.case_id"
            + " where i.incident_ref = ?", String.class, incidentRef))
        .containsExactly(caseRef);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count())
        .isEqualTo(1);
  }
}
