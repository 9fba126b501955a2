package uk.ear.caseservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.ear.caseservice.CaseServiceApplication;

/**
 * Outside the demo profile there are no default passwords: the service will not start. The prod
 * profile secures cookies and sends HSTS behind a TLS proxy.
 */
class ProductionStartupTest {

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    // no PostgreSQL needed to see the refusal: it comes before any request is served
    assertThatThrownBy(() -> run(newDatabase(), "postgres", "--EAR_ADMIN_PASSWORD="))
        .rootCause()
        .hasMessageContaining("EAR_ADMIN_PASSWORD");
  }

  @Test
  void refusesToStartWhileDemoUsersWithTheDemoPasswordAreStillThere() {
    String db = newDatabase();
    // once run as a demo: the demo users and their passwords are now in the database ...
    run(db, "demo").close();
    // ... then in production with a strong admin password: the demo passwords must go first
    assertThatThrownBy(() -> run(db, "postgres", "--EAR_ADMIN_PASSWORD=a-long-secret-passphrase"))
        .rootCause()
        .hasMessageContaining("still have a default password")
        .hasMessageContaining("sw.preston1");
  }

  @Test
  void theProdProfileSecuresCookiesSendsHstsAndTrustsTheTlsProxysHeaders() throws Exception {
    try (ConfigurableApplicationContext prod =
        run(newDatabase(), "prod", "--EAR_ADMIN_PASSWORD=a-long-secret-passphrase")) {
      ServerProperties server = prod.getBean(ServerProperties.class);
      assertThat(server.getServlet().getSession().getCookie().getSecure()).isTrue();
      assertThat(server.getForwardHeadersStrategy())
          .isEqualTo(ServerProperties.ForwardHeadersStrategy.FRAMEWORK);
      CamundaBpmProperties camunda = prod.getBean(CamundaBpmProperties.class);
      assertThat(camunda.getWebapp().getSessionCookie().isEnableSecureCookie()).isTrue();
      assertThat(camunda.getWebapp().getHeaderSecurity().isHstsDisabled()).isFalse();

      int port = ((ServletWebServerApplicationContext) prod).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      // behind the TLS proxy: HSTS on the API and on the webapps
      for (String path : List.of("/api/cases/EAR-2026-000001", "/camunda/app/welcome/default/")) {
        HttpResponse<Void> viaTls =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-Proto", "https")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(viaTls.headers().firstValue("Strict-Transport-Security"))
            .as(path)
            .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
      }
      // the webapps' cookies (here the CSRF token's) are sent over HTTPS only
      HttpResponse<Void> page =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/"))
                  .header("X-Forwarded-Proto", "https")
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(page.headers().allValues("Set-Cookie"))
          .isNotEmpty()
          .allSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*Secure(;|$)"));
    }
  }

  @Test
  void withoutTheProdProfileNoHstsIsSentOverPlainHttp() throws Exception {
    try (ConfigurableApplicationContext plain =
        run(newDatabase(), "default", "--EAR_ADMIN_PASSWORD=a-long-secret-passphrase")) {
      assertThat(plain.getBean(ServerProperties.class).getForwardHeadersStrategy()).isNull();
      int port = ((ServletWebServerApplicationContext) plain).getWebServer().getPort();
      HttpResponse<Void> forwarded =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases/x"))
                      .header("X-Forwarded-Proto", "https")
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      // the forwarded header is not trusted without the prod profile
      assertThat(forwarded.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
  }

  /** A file database, as a real one outlives the application. */
  private static String newDatabase() {
    return "jdbc:h2:file:./target/startup-test-" + System.nanoTime();
  }

  private static ConfigurableApplicationContext run(String db, String profile, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=" + profile,
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--ear.demo.cases=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                // the refusals are expected: keep their stack traces out of the build log
                "--logging.level.root=OFF"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(CaseServiceApplication.class).run(args.toArray(String[]::new));
  }
}
