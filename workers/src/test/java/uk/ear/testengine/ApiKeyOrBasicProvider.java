package uk.ear.testengine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * As the case service: {@code X-API-Key} with the workers' key is the {@code workers} user; any
 * other key is refused; without one, HTTP Basic.
 */
public class ApiKeyOrBasicProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    String key = request.getHeader("X-API-Key");
    if (key != null) {
      return TestEngineApplication.API_KEY.equals(key)
          ? AuthenticationResult.successful(TestEngineApplication.USER)
          : AuthenticationResult.unsuccessful();
    }
    return super.extractAuthenticatedUser(request, engine);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
  }
}
