package uk.ear.caseservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.ear.caseservice.shared.CurrentUser;

/**
 * The case pages and the dashboard share the webapps' login: whoever is logged in to Tasklist or Cockpit (Camunda's
 * session authentication) is the caller, with their Camunda groups. No session, no caller: the
 * chain sends the browser to Tasklist's login.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final org.springframework.security.web.util.matcher.RequestMatcher only;

  /** For every request of its chain. */
  WebappSessionAuthenticationFilter() {
    this(org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE);
  }

  /**
   * Only for {@code only}: in the API's chain, the dashboard's reads of its figures (the API's
   * writes stay with API keys and Basic authentication, which no other site can make a browser
   * send).
   */
  WebappSessionAuthenticationFilter(org.springframework.security.web.util.matcher.RequestMatcher only) {
    this.only = only;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !only.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      List<UserAuthentication> users = auths == null ? List.of() : auths.getAuthentications();
      if (!users.isEmpty()) {
        UserAuthentication user = users.get(0);
        var authorities =
            (user.getGroupIds() == null ? List.<String>of() : user.getGroupIds()).stream()
                .map(group -> new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + group))
                .toList();
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
      }
    }
    chain.doFilter(request, response);
  }
}
