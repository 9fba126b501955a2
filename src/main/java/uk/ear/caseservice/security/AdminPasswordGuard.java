package uk.ear.caseservice.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.policy.EarProperties;

/**
 * Outside the demo profile the service refuses to start with a default or weak administrator
 * password: Camunda would otherwise give the admin user its own id as password.
 */
@Component
public class AdminPasswordGuard extends AbstractProcessEnginePlugin {

  static final int MIN_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "camunda");

  private final CamundaBpmProperties camunda;
  private final EarProperties ear;

  public AdminPasswordGuard(CamundaBpmProperties camunda, EarProperties ear) {
    this.camunda = camunda;
    this.ear = ear;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (ear.demo().identities() || camunda.getAdminUser() == null) {
      return;
    }
    String id = camunda.getAdminUser().getId();
    String password = camunda.getAdminUser().getPassword();
    if (id == null || id.isBlank()) {
      return;
    }
    check(id, password);
  }

  static void check(String id, String password) {
    if (password == null
        || password.length() < MIN_LENGTH
        || password.equalsIgnoreCase(id)
        || DEFAULTS.contains(password.toLowerCase())) {
      throw new IllegalStateException(
          "Refusing to start: the administrator '"
              + id
              + "' needs a strong password. Set EAR_ADMIN_PASSWORD (at least "
              + MIN_LENGTH
              + " characters, not a default), or run with the demo profile for a demo.");
    }
  }
}
