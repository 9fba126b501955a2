package uk.ear.caseservice.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Base64;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes failed logins and refused requests to {@code ear_security_audit}: when, who (the user
 * name the caller gave, or the API key's user), from which address, method, path (no query string)
 * and status, and why. Never a password or a key. A failure to write is logged, never fails the
 * request.
 */
public class SecurityAudit {

  /** Request attribute: the user name a failed or refused caller gave. */
  public static final String PRINCIPAL = SecurityAudit.class.getName() + ".principal";

  /** Request attribute: why the request was refused. */
  public static final String REASON = SecurityAudit.class.getName() + ".reason";

  private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

  private final JdbcTemplate jdbc;

  public SecurityAudit(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void refused(HttpServletRequest request, int status) {
    String principal = principalOf(request);
    String reason = reasonOf(request, status);
    String path = cut(request.getRequestURI(), 512);
    log.info("refused {} {} {} for '{}' from {}: {}", status, request.getMethod(), path, principal,
        request.getRemoteAddr(), reason);
    try {
      jdbc.update(
          "insert into ear_security_audit (occurred_at, principal, client, method, path, status,"
              + " reason) values (?, ?, ?, ?, ?, ?, ?)",
          new Timestamp(ClockUtil.getCurrentTime().getTime()),
          cut(principal, 128),
          cut(request.getRemoteAddr(), 64),
          cut(request.getMethod(), 10),
          path,
          status,
          cut(reason, 200));
    } catch (RuntimeException e) {
      log.warn("could not write the security audit: {}", e.toString());
    }
  }

  private static String reasonOf(HttpServletRequest request, int status) {
    Object reason = request.getAttribute(REASON);
    if (reason != null) {
      return reason.toString();
    }
    if (request.getRequestURI().contains("/engine-rest/")) {
      return status == 403 ? "refused by Camunda authorization" : "not authenticated";
    }
    return status == 403 ? "forbidden" : "not authenticated";
  }

  /** The name the caller gave: set by our filters, else the user of a Basic header. */
  static String principalOf(HttpServletRequest request) {
    Object principal = request.getAttribute(PRINCIPAL);
    if (principal != null) {
      return principal.toString();
    }
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    return request.getRemoteUser();
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
