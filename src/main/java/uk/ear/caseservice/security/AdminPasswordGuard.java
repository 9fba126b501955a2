package uk.ear.caseservice.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Outside the demo profile the service refuses to start with a default or weak administrator
 * password (Camunda would otherwise give the admin user its own id as password), and with any
 * stored user whose password is still a default, e.g. demo users left in a database that once ran
 * with the demo profile. Stored passwords are compared by hash, so no failed login is counted.
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

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (ear.demo().identities()) {
      return;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> withDefaults =
        engine.getIdentityService().createUserQuery().list().stream()
            .filter(UserEntity.class::isInstance)
            .map(UserEntity.class::cast)
            .filter(user -> hasDefaultPassword(configuration.getPasswordManager(), user))
            .map(User::getId)
            .sorted()
            .toList();
    if (!withDefaults.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: these users still have a default password (e.g. left by the demo"
              + " profile): "
              + withDefaults
              + ". Change or delete them in Camunda Admin, or run with the demo profile.");
    }
  }

  private static boolean hasDefaultPassword(PasswordManager passwords, UserEntity user) {
    if (user.getPassword() == null) {
      return false;
    }
    Set<String> candidates = new java.util.HashSet<>(DEFAULTS);
    candidates.add(user.getId());
    return candidates.stream()
        .anyMatch(
            candidate ->
                passwords.check(
                    EncryptionUtil.saltPassword(candidate, user.getSalt()), user.getPassword()));
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
