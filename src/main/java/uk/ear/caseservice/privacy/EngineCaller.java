package uk.ear.caseservice.privacy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who the engine ran an HTTP request's commands for: the engine's own view of the caller, the
 * same for {@code /engine-rest} and for the webapps' API behind Tasklist and Cockpit.
 */
public final class EngineCaller {

  private static final String ATTRIBUTE = EngineCaller.class.getName();

  private EngineCaller() {}

  /** Called by the engine's command guard for each command of a signed-in caller. */
  public static void remember(String userId) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null && userId != null) {
      request.setAttribute(ATTRIBUTE, userId, RequestAttributes.SCOPE_REQUEST);
    }
  }

  static String of(HttpServletRequest request) {
    Object user = request.getAttribute(ATTRIBUTE);
    return user == null ? null : user.toString();
  }
}
