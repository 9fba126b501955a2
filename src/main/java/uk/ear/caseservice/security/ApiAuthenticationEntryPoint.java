package uk.ear.caseservice.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for every unauthenticated call of {@code /api}, {@code /engine-rest} and the rest of the
 * Basic paths; {@code WWW-Authenticate: Basic} only when no browser script made the call: a fetch
 * or XHR of a page (the webapps, Swagger UI) sends {@code Sec-Fetch-Mode} other than {@code
 * navigate}, or {@code X-Requested-With: XMLHttpRequest}. Without the header the browser shows no
 * Basic login dialog over the page; opening an API URL directly still gets one.
 */
public class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final String REALM = "EAR case service";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    request.setAttribute(SecurityAudit.REASON, e.getMessage());
    if (!fromBrowserScript(request)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    }
    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
  }

  static boolean fromBrowserScript(HttpServletRequest request) {
    if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
      return true;
    }
    String mode = request.getHeader("Sec-Fetch-Mode");
    return mode != null && !mode.equalsIgnoreCase("navigate");
  }
}
