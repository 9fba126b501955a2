package uk.ear.workers.engine;

import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The rule of the case service, mirrored: outside the {@code demo} profile the workers refuse to
 * start without a password for the engine user, or with a default or short one. The demo profile
 * (also the default when no profile is set, as in the case service) uses {@code workers}/{@code
 * demo}. Checked before any bean is created, so nothing (database, client) starts first.
 */
@Component
public class CredentialsGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

  static final int MIN_LENGTH = 12;
  private static final Set<String> DEFAULTS =
      Set.of("demo", "admin", "password", "camunda", "workers", "changeme");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    Binder binder = Binder.get(environment);
    String user = binder.bind("workers.engine.user", String.class).orElse("workers");
    String password = binder.bind("workers.engine.password", String.class).orElse(null);
    check(user, password, environment.acceptsProfiles(Profiles.of("demo")));
  }

  @Override
  public int getOrder() {
    return PriorityOrdered.HIGHEST_PRECEDENCE;
  }

  static void check(String user, String password, boolean demo) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "Refusing to start: no password for the engine user '"
              + user
              + "'. Set WORKERS_ENGINE_PASSWORD (workers.engine.password), or run with the demo"
              + " profile for a demo.");
    }
    if (demo) {
      return;
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.length() < MIN_LENGTH
        || DEFAULTS.contains(lower)
        || lower.equals(user.toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException(
          "Refusing to start: the engine user '"
              + user
              + "' needs a strong password outside the demo profile (at least "
              + MIN_LENGTH
              + " characters, not a default). Set WORKERS_ENGINE_PASSWORD.");
    }
  }
}
