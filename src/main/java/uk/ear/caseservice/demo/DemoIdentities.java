package uk.ear.caseservice.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo identities of the API contract, every password {@code demo}. Only with no profile set
 * or the {@code demo} profile active ({@code ear.demo.identities}); never in production.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "ear.demo.identities", havingValue = "true")
public class DemoIdentities implements ApplicationRunner {

  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("police", "Police", "Integration", List.of("police-integration")),
          new DemoUser("sw.preston1", "Priya", "Shah", List.of("ear-preston")),
          new DemoUser("sw.preston2", "Tom", "Atherton", List.of("ear-preston")),
          new DemoUser("sw.burnley1", "Aisha", "Khan", List.of("ear-burnley")),
          new DemoUser("sw.burnley2", "Dan", "Whittaker", List.of("ear-burnley")),
          new DemoUser("mgr.preston", "Helen", "Moss", List.of("ear-preston", "ear-managers")),
          new DemoUser("mgr.burnley", "Raj", "Patel", List.of("ear-burnley", "ear-managers")),
          new DemoUser("edt.duty", "Sam", "Okafor", List.of("emergency-duty-team")),
          new DemoUser("workers", "External", "Task Workers", List.of("workers")),
          new DemoUser("hospital", "Hospital", "Liaison", List.of("hospital-liaison")));

  private final IdentityService identity;

  public DemoIdentities(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@ear.example");
        user.setPassword(PASSWORD);
        // "demo" would fail the engine's password policy: the demo identities are exempt
        ((IdentityServiceImpl) identity).saveUser(user, true);
      }
      for (String group : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demo.id(), group);
        }
      }
    }
  }
}
