package uk.ear.workers.engine;

import org.camunda.bpm.client.interceptor.ClientRequestInterceptor;
import org.springframework.http.HttpHeaders;

/**
 * How the workers authenticate to the case service, on {@code /engine-rest} and {@code /api}
 * alike: the API key as {@code X-API-Key} when one is set ({@code workers.engine.api-key}),
 * otherwise HTTP Basic with {@code workers.engine.user}/{@code password} (the demo only: outside
 * the demo the case service refuses Basic for service accounts). Never both.
 */
public final class EngineCredentials {

  public static final String API_KEY_HEADER = "X-API-Key";

  private EngineCredentials() {}

  public static boolean usesApiKey(EngineProperties engine) {
    return engine.apiKey() != null && !engine.apiKey().isBlank();
  }

  /** For Spring's RestClient: the default headers of every call. */
  public static void apply(EngineProperties engine, HttpHeaders headers) {
    if (usesApiKey(engine)) {
      headers.set(API_KEY_HEADER, engine.apiKey());
    } else {
      headers.setBasicAuth(engine.user(), engine.password());
    }
  }

  /** For Camunda's external task client. */
  public static ClientRequestInterceptor interceptor(EngineProperties engine) {
    if (usesApiKey(engine)) {
      return context -> context.addHeader(API_KEY_HEADER, engine.apiKey());
    }
    return new org.camunda.bpm.client.interceptor.auth.BasicAuthProvider(
        engine.user(), engine.password());
  }
}
