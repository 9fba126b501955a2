package uk.ear.caseservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-API-Key: <key>} for service accounts: the key names a Camunda user (see {@link
 * ApiKeys}); its groups come from the engine, no password is checked, so nothing is counted or
 * locked. A key that is unknown, names a user that no longer exists or is not a service account is
 * a 401 at once, whatever else the request carries. Reading the groups needs the database: when it
 * cannot be reached that failure goes on up as it is (no 401, which would tell the client its key
 * is wrong) and {@code DatabaseOutageFilter} answers 503.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-API-Key";

  private final ApiKeys keys;
  private final IdentityService identity;
  private final AuthenticationEntryPoint entryPoint;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  public ApiKeyAuthenticationFilter(
      ApiKeys keys, IdentityService identity, AuthenticationEntryPoint entryPoint) {
    this.keys = keys;
    this.identity = identity;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> user = keys.userOf(key.strip());
    Set<String> groups =
        user.map(u -> CamundaIdentityAuthenticationProvider.groupsOf(identity, u)).orElse(Set.of());
    if (user.isEmpty() || !ServiceAccounts.isService(groups)) {
      contexts.clearContext();
      user.ifPresent(u -> request.setAttribute(SecurityAudit.PRINCIPAL, u));
      entryPoint.commence(
          request,
          response,
          new BadCredentialsException(
              user.isEmpty() ? "unknown API key" : "API key of a user who is not a service account"));
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(CamundaIdentityAuthenticationProvider.authenticated(user.get(), groups));
    contexts.setContext(context);
    request.setAttribute(SecurityAudit.PRINCIPAL, user.get());
    chain.doFilter(request, response);
  }
}
