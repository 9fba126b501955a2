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
 * The rule of the case service, mirrored: outside the {@code demo} profile the case service takes
 * only an API key from a service account, so the workers refuse to start without one ({@code
 * WORKERS_ENGINE_API_KEY}), or with a short or demo one; a password is then neither needed nor
 * sent. The demo profile (also the default when no profile is set, as in the case service) uses
 * the demo key {@code demo-workers-key}, or {@code workers}/{@code demo} over Basic if the key is
 * blanked. Checked before any bean is created, so nothing (database, client) starts first.
 */
@Component
public class CredentialsGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

  static final int MIN_KEY_LENGTH = 24;
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
    String apiKey = binder.bind("workers.engine.api-key", String.class).orElse(null);
    check(user, password, apiKey, environment.acceptsProfiles(Profiles.of("demo")));
  }

  @Override
  public int getOrder() {
    return PriorityOrdered.HIGHEST_PRECEDENCE;
  }

  static void check(String user, String password, String apiKey, boolean demo) {
    boolean hasKey = apiKey != null && !apiKey.isBlank();
    if (demo) {
      if (!hasKey && (password == null || password.isBlank())) {
        throw new IllegalStateException(
            "Refusing to start: neither an API key nor a password for the engine user '" + user
                + "'. Set WORKERS_ENGINE_API_KEY (or, in the demo, WORKERS_ENGINE_PASSWORD).");
      }
      return;
    }
    if (!hasKey) {
      throw new IllegalStateException(
          "Refusing to start: no API key for the engine user '"
              + user
              + "'. Outside the demo the case service takes only an API key from service accounts:"
              + " set WORKERS_ENGINE_API_KEY (workers.engine.api-key), or run with the demo"
              + " profile for a demo.");
    }
    String lower = apiKey.toLowerCase(Locale.ROOT);
    if (apiKey.length() < MIN_KEY_LENGTH || lower.startsWith("demo-") || DEFAULTS.contains(lower)) {
      throw new IllegalStateException(
          "Refusing to start: the engine user '"
              + user
              + "' needs a strong API key outside the demo profile (at least "
              + MIN_KEY_LENGTH
              + " characters, not a demo key), e.g. from 'openssl rand -base64 32'."
              + " Set WORKERS_ENGINE_API_KEY.");
    }
  }
}
