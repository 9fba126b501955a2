package uk.ear.testengine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real Camunda 7.24 engine with its REST API over HTTP, in the test JVM: what the workers'
 * client talks to in the engine tests. As in the case service, {@code /engine-rest} takes the
 * workers' API key or HTTP Basic, authorization is on, and the {@code workers} group has only what the workers need:
 * READ_INSTANCE and UPDATE_INSTANCE on the test processes' definitions.
 */
@SpringBootApplication
public class TestEngineApplication {

  public static final String USER = "workers";
  public static final String PASSWORD = "test-password-for-workers";
  /** The workers' API key in the tests ({@code workers.engine.api-key} of the test profile). */
  public static final String API_KEY = "test-workers-api-key-0123456789";
  public static final String GROUP = "workers";
  public static final List<String> PROCESS_KEYS =
      List.of("WorkersTest_Police", "WorkersTest_Handover", "WorkersTest_Alert", "WorkersTest_Other");

  private static ConfigurableApplicationContext context;

  /** The engine, started once per test JVM. */
  public static synchronized ConfigurableApplicationContext start() {
    if (context == null) {
      context =
          SpringApplication.run(
              TestEngineApplication.class,
              // its own configuration file: none of the workers' application*.yml
              "--spring.config.name=testengine");
      grantWorkers(context.getBean(ProcessEngine.class));
    }
    return context;
  }

  public static ProcessEngine engine() {
    return start().getBean(ProcessEngine.class);
  }

  public static String restUrl() {
    int port = ((ServletWebServerApplicationContext) start()).getWebServer().getPort();
    return "http://127.0.0.1:" + port + "/engine-rest";
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuth() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider", ApiKeyOrBasicProvider.class.getName());
    return registration;
  }

  private static void grantWorkers(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(USER).count() > 0) {
      return;
    }
    User user = identity.newUser(USER);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.saveGroup(identity.newGroup(GROUP));
    identity.createMembership(USER, GROUP);
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String key : PROCESS_KEYS) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(GROUP);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(key);
      grant.addPermission(Permissions.READ_INSTANCE);
      grant.addPermission(Permissions.UPDATE_INSTANCE);
      authorizations.saveAuthorization(grant);
    }
  }
}
