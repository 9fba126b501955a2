package uk.ear.caseservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around everything else (before Spring Security): every 401 and 403 answered on {@code /api},
 * {@code /engine-rest}, the webapps' API ({@code /camunda/api}), the OpenAPI description and
 * Actuator goes to {@link SecurityAudit}, whoever refused it (Spring Security, Camunda
 * authorization, the webapps' login).
 */
public class SecurityAuditFilter extends OncePerRequestFilter {

  private final SecurityAudit audit;
  private final List<String> prefixes;

  public SecurityAuditFilter(SecurityAudit audit, String webappPath) {
    this.audit = audit;
    this.prefixes =
        List.of("/api/", "/engine-rest/", webappPath + "/api/", "/v3/api-docs", "/swagger-ui",
            "/actuator/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return prefixes.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
        audit.refused(request, status);
      }
    }
  }
}
