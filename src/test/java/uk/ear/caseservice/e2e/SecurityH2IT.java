package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static uk.ear.caseservice.support.Calls.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.caseservice.security.EarSecurityProperties;
import uk.ear.caseservice.support.Api;

/**
 * Authentication and the HTTP layer's rules over HTTP, in the shared H2 application: strangers'
 * wrong passwords never lock out a service account, people get a temporary lock, each technical
 * account reaches only its own paths, and what is refused is audited.
 */
@OnH2
class SecurityH2IT extends EndToEndTest {

  static final String POLICE_KEY = "demo-police-key";
  static final String WORKERS_KEY = "demo-workers-key";
  static final String HOSPITAL_KEY = "demo-hospital-key";

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired EarSecurityProperties security;

  Api api;
  String person;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @AfterEach
  void removePerson() {
    if (person != null) {
      identity.deleteUser(person);
    }
  }

  // --- no lockout by strangers

  @Test
  void aHundredWrongPasswordsForThePoliceDoNotStopItsNextCall() {
    long start = System.nanoTime();
    IntStream.range(0, 100)
        .forEach(i -> assertThat(api.post("police:wrong" + i, "/api/calls", call()).code()).isEqualTo(401));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));

    assertThat(api.post("police", "/api/calls", call()).code()).isEqualTo(201);
    assertThat(api.withKey(POLICE_KEY, POST, "/api/calls", call()).code()).isEqualTo(201);
    // nothing was counted against the account
    assertThat(userEntity("police").getAttempts()).isZero();
  }

  @Test
  void aHundredWrongPasswordsForTheWorkersDoNotStopTheirNextFetch() {
    Map<String, Object> fetch =
        Map.of("workerId", "security-it", "maxTasks", 1,
            "topics", List.of(Map.of("topicName", "no-such-topic", "lockDuration", 1000)));
    IntStream.range(0, 100)
        .forEach(i -> assertThat(api.post("workers:wrong" + i, "/engine-rest/external-task/fetchAndLock", fetch).code())
            .isEqualTo(401));

    assertThat(api.post("workers", "/engine-rest/external-task/fetchAndLock", fetch).code()).isEqualTo(200);
    assertThat(api.withKey(WORKERS_KEY, POST, "/engine-rest/external-task/fetchAndLock", fetch).code()).isEqualTo(200);
    assertThat(userEntity("workers").getAttempts()).isZero();
  }

  @Test
  void anUnknownApiKeyIsA401AndAKnownOneWorksOnlyOnItsServicesPaths() {
    assertThat(api.withKey("not-a-key", POST, "/api/calls", call()).code()).isEqualTo(401);
    assertThat(api.withKey(POLICE_KEY, GET, "/api/cases/EAR-1999-999999", null).code()).isEqualTo(404);
    assertThat(api.withKey(POLICE_KEY, GET, "/v3/api-docs", null).code()).isEqualTo(200);
    assertThat(api.withKey(POLICE_KEY, GET, "/engine-rest/task", null).code()).isEqualTo(403);
    assertThat(api.withKey(HOSPITAL_KEY, POST, "/api/calls", call()).code()).isEqualTo(403);
    assertThat(api.withKey(HOSPITAL_KEY, GET, "/api/cases/EAR-1999-999999", null).code()).isEqualTo(404);
    assertThat(api.withKey(WORKERS_KEY, POST, "/api/calls", call()).code()).isEqualTo(403);
  }

  @Test
  void serviceAccountsCannotLogInToTheWebapps() {
    for (String service : List.of("police", "workers", "hospital")) {
      Api.Response login = webappLogin(service, "demo");
      assertThat(login.code()).as(service).isEqualTo(401);
    }
    assertThat(jdbc.queryForObject("select count(*) from ear_security_audit where principal = 'police'"
        + " and reason = 'service account: no webapp login'", Integer.class)).isPositive();
    assertThat(webappLogin("sw.preston1", "demo").code()).isEqualTo(200);
  }

  // --- people: a temporary lock

  @Test
  void aPersonIsLockedAfterRepeatedWrongPasswordsAndUnlockedAfterTheLockDuration() {
    String user = newPerson();
    Instant now = nextWorkingMorning();
    now = failUntilLocked(user, now);
    assertThat(api.get(user + ":" + PASSWORD, "/api/cases?team=PRESTON").code()).as("locked").isEqualTo(401);

    clockAt(now.plus(security.lockDuration()).minusSeconds(5));
    assertThat(api.get(user + ":" + PASSWORD, "/engine-rest/task").code()).as("still locked").isEqualTo(401);

    clockAt(now.plus(security.lockDuration()).plusSeconds(1));
    assertThat(api.get(user + ":" + PASSWORD, "/engine-rest/task").code()).as("unlocked").isEqualTo(200);
    assertThat(userEntity(user).getAttempts()).isZero();
  }

  @Test
  void anAdministratorUnlocksALockedPersonAndNoOneElseMay() {
    String user = newPerson();
    failUntilLocked(user, nextWorkingMorning());
    assertThat(api.get(user + ":" + PASSWORD, "/engine-rest/task").code()).isEqualTo(401);

    assertThat(api.post("mgr.preston", "/engine-rest/user/" + user + "/unlock", null).code()).isEqualTo(403);
    assertThat(api.post("workers", "/engine-rest/user/" + user + "/unlock", null).code()).isEqualTo(403);
    assertThat(api.post("admin", "/engine-rest/user/" + user + "/unlock", null).code()).isEqualTo(204);
    assertThat(api.get(user + ":" + PASSWORD, "/engine-rest/task").code()).isEqualTo(200);
  }

  /** Wrong passwords spaced past Camunda's growing delay, so each counts; returns the last time. */
  private Instant failUntilLocked(String user, Instant start) {
    Instant now = start;
    for (int i = 0; i < security.lockAfterAttempts(); i++) {
      now = start.plus(Duration.ofMinutes(2L * i));
      clockAt(now);
      assertThat(api.get(user + ":wrong", "/engine-rest/task").code()).isEqualTo(401);
    }
    assertThat(userEntity(user).getAttempts()).isEqualTo(security.lockAfterAttempts());
    return now;
  }

  // --- each technical account does one job

  @Test
  void thePoliceReachOnlyCallsCasesAndTheApiDescription() {
    for (String[] refused :
        List.of(
            new String[] {"GET", "/engine-rest/task"},
            new String[] {"GET", "/engine-rest/process-instance"},
            new String[] {"POST", "/engine-rest/external-task/fetchAndLock"},
            new String[] {"GET", "/api/cases?team=PRESTON"},
            new String[] {"GET", "/api/cases/EAR-1999-999999/handover-pack"},
            new String[] {"POST", "/api/cases/EAR-1999-999999/closure-requests"},
            new String[] {"POST", "/api/hospital-admissions"},
            new String[] {"GET", "/api/locations?district=PRESTON"},
            new String[] {"GET", "/actuator/info"})) {
      assertThat(api.call(HttpMethod.valueOf(refused[0]), "police", refused[1], Map.of()).code())
          .as("police %s %s", (Object[]) refused)
          .isEqualTo(403);
    }
  }

  @Test
  void theWorkersReachOnlyExternalTasksAndTheCasesTheyWorkOn() {
    for (String[] refused :
        List.of(
            new String[] {"GET", "/engine-rest/process-instance"},
            new String[] {"GET", "/engine-rest/process-instance/any/variables"},
            new String[] {"GET", "/engine-rest/variable-instance"},
            new String[] {"POST", "/engine-rest/message"},
            new String[] {"GET", "/engine-rest/job"},
            new String[] {"POST", "/engine-rest/job/any/execute"},
            new String[] {"GET", "/engine-rest/history/process-instance"},
            new String[] {"GET", "/engine-rest/task"},
            new String[] {"GET", "/engine-rest/deployment"},
            new String[] {"GET", "/engine-rest/external-task/any/errorDetails"},
            new String[] {"PUT", "/engine-rest/external-task/any/retries"},
            new String[] {"POST", "/api/calls"},
            new String[] {"GET", "/api/cases?team=PRESTON"},
            new String[] {"GET", "/v3/api-docs"})) {
      assertThat(api.call(HttpMethod.valueOf(refused[0]), "workers", refused[1], Map.of()).code())
          .as("workers %s %s", (Object[]) refused)
          .isEqualTo(403);
    }
    assertThat(api.get("workers", "/engine-rest/external-task?workerId=security-it&locked=true").code()).isEqualTo(200);
  }

  @Test
  void onlyTheAdministratorChangesDeploymentsAuthorizationsUsersGroupsAndFilters() {
    String user = newPerson();
    for (String who : List.of("workers", user + ":" + PASSWORD, "mgr.preston")) {
      assertThat(api.send(POST, "/engine-rest/deployment/create", DEPLOYMENT,
              Map.of("Authorization", Api.basic(who), "Content-Type", "multipart/form-data; boundary=b")).code())
          .as(who).isEqualTo(403);
      assertThat(api.post(who, "/engine-rest/authorization/create",
          Map.of("type", 1, "permissions", List.of("ALL"), "userId", "x", "resourceType", 0, "resourceId", "*")).code())
          .as(who).isEqualTo(403);
      assertThat(api.post(who, "/engine-rest/user/create",
          Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "Intrud3r-Passw0rd!"))).code())
          .as(who).isEqualTo(403);
      assertThat(api.post(who, "/engine-rest/group/create", Map.of("id", "intruders")).code()).as(who).isEqualTo(403);
      assertThat(api.post(who, "/engine-rest/filter/create",
          Map.of("resourceType", "Task", "name", "mine", "query", Map.of())).code()).as(who).isEqualTo(403);
    }
    assertThat(api.call(DELETE, "workers", "/engine-rest/user/workers", null).code()).isEqualTo(403);
    assertThat(api.call(DELETE, user + ":" + PASSWORD, "/engine-rest/user/" + user, null).code()).isEqualTo(403);
    // a person still edits their own profile
    assertThat(api.call(PUT, user + ":" + PASSWORD, "/engine-rest/user/" + user + "/profile",
        Map.of("id", user, "firstName", "Renamed", "lastName", "Person", "email", user + "@ear.example")).code())
        .isEqualTo(204);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createGroupQuery().groupId("intruders").count()).isZero();
  }

  // --- browsers and the audit

  @Test
  void aBrowserScriptGetsA401WithoutTheBasicLoginDialog() {
    Api.Response plain = api.send(GET, "/engine-rest/task", null, Map.of());
    assertThat(plain.code()).isEqualTo(401);
    assertThat(plain.headers().getFirst("WWW-Authenticate")).startsWith("Basic");

    for (Map<String, String> browser :
        List.of(Map.of("Sec-Fetch-Mode", "cors"), Map.of("X-Requested-With", "XMLHttpRequest"))) {
      Api.Response fetch = api.send(GET, "/engine-rest/task", null, browser);
      assertThat(fetch.code()).isEqualTo(401);
      assertThat(fetch.headers().containsKey("WWW-Authenticate")).as(browser.toString()).isFalse();
      Api.Response wrong = api.send(GET, "/api/cases?team=PRESTON", null,
          Map.of("Sec-Fetch-Mode", "cors", "Authorization", Api.basic("sw.nobody:wrong")));
      assertThat(wrong.code()).isEqualTo(401);
      assertThat(wrong.headers().containsKey("WWW-Authenticate")).isFalse();
    }
    Api.Response navigate = api.send(GET, "/api/cases?team=PRESTON", null, Map.of("Sec-Fetch-Mode", "navigate"));
    assertThat(navigate.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void failedLoginsAndRefusedRequestsAreAuditedWithoutSecrets() {
    String marker = "audit.probe" + System.nanoTime();
    assertThat(api.get(marker + ":s3cret-guess", "/api/cases?team=PRESTON").code()).isEqualTo(401);
    assertThat(api.get("workers", "/engine-rest/process-instance?marker=" + marker).code()).isEqualTo(403);
    assertThat(api.withKey("guessed-key-" + marker, GET, "/api/cases/" + marker, null).code()).isEqualTo(401);

    List<Map<String, Object>> failed =
        jdbc.queryForList("select * from ear_security_audit where principal = ?", marker);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0)).containsEntry("STATUS", 401).containsEntry("METHOD", "GET")
        .containsEntry("PATH", "/api/cases");
    assertThat(failed.get(0).get("CLIENT")).isNotNull();
    assertThat(failed.get(0).get("REASON").toString()).contains("bad credentials");

    List<Map<String, Object>> refused = jdbc.queryForList(
        "select * from ear_security_audit where principal = 'workers' and path = '/engine-rest/process-instance'"
            + " and status = 403");
    assertThat(refused).isNotEmpty();
    assertThat(jdbc.queryForObject(
        "select count(*) from ear_security_audit where path = ? and reason = 'unknown API key'",
        Integer.class, "/api/cases/" + marker)).isEqualTo(1);
    // no secret is ever written
    assertThat(jdbc.queryForObject(
        "select count(*) from ear_security_audit where reason like '%s3cret%' or path like '%guessed%'"
            + " or principal like '%s3cret%' or principal like '%guessed%'", Integer.class)).isZero();
  }

  // --- helpers

  static final String PASSWORD = "Lock-Test-Passw0rd!";

  static final String DEPLOYMENT =
      "--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nintrusion\r\n"
          + "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"Intrusion.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--b--\r\n";

  /** A throwaway Preston worker no other test uses (locks would disturb them). */
  private String newPerson() {
    person = "lock.test" + System.nanoTime();
    User user = identity.newUser(person);
    user.setFirstName("Temporary");
    user.setLastName("Person");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(person, "ear-preston");
    return person;
  }

  private org.camunda.bpm.engine.impl.persistence.entity.UserEntity userEntity(String id) {
    return (org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
        identity.createUserQuery().userId(id).singleResult();
  }

  /** As Tasklist's login page does: with the session and CSRF token cookies of the page. */
  private Api.Response webappLogin(String user, String password) {
    Api.Response page = api.send(GET, "/camunda/app/tasklist/default/", null, Map.of());
    Map<String, String> cookies = new java.util.LinkedHashMap<>();
    for (String set : page.headers().getOrEmpty("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    String token = page.headers().getFirst("X-XSRF-TOKEN") != null
        ? page.headers().getFirst("X-XSRF-TOKEN") : cookies.get("XSRF-TOKEN");
    assertThat(token).as("CSRF token of the login page").isNotNull();
    return api.send(POST, "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password,
        Map.of("Content-Type", "application/x-www-form-urlencoded",
            "X-XSRF-TOKEN", token,
            "Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "))));
  }
}
