package uk.ear.caseservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.ear.caseservice.shared.CurrentUser;

/**
 * Tells the engine who calls {@code /engine-rest}, so Camunda authorization applies to every REST
 * call exactly as it does in the webapps. Runs after Spring Security has authenticated the caller.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final IdentityService identity;

  public EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || TRUST.isAnonymous(auth) || !auth.isAuthenticated()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    identity.setAuthentication(
        auth.getName(), List.copyOf(CurrentUser.groupsOf(auth)));
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
