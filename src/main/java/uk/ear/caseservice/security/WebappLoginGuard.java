package uk.ear.caseservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) refuses
 * service accounts before Camunda checks any password: they have no business in the webapps, and
 * a stranger must not be able to count failed logins against them there either. Also names the
 * user of every login attempt for {@link SecurityAudit}.
 */
public class WebappLoginGuard extends OncePerRequestFilter {

  private final IdentityService identity;
  private final Pattern login;

  public WebappLoginGuard(IdentityService identity, String webappPath) {
    this.identity = identity;
    this.login = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equalsIgnoreCase(request.getMethod()) || !login.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // read the form ourselves and hand Camunda the same bytes (getParameter would consume them)
    FormRequest form = new FormRequest(request);
    request = form;
    String user = form.field("username");
    if (user != null) {
      request.setAttribute(SecurityAudit.PRINCIPAL, user);
    }
    if (user != null
        && !user.isBlank()
        && ServiceAccounts.isService(CamundaIdentityAuthenticationProvider.groupsOf(identity, user))) {
      request.setAttribute(SecurityAudit.REASON, "service account: no webapp login");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    request.setAttribute(SecurityAudit.REASON, "webapp login failed");
    chain.doFilter(request, response);
  }

  /** A login form post whose body was read once here and is served again to Camunda. */
  static class FormRequest extends HttpServletRequestWrapper {

    private static final int MAX = 16 * 1024;
    private final byte[] body;

    FormRequest(HttpServletRequest request) throws IOException {
      super(request);
      this.body = request.getInputStream().readNBytes(MAX);
    }

    String field(String name) {
      try {
        return decode(name);
      } catch (IllegalArgumentException malformed) {
        return null;
      }
    }

    private String decode(String name) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
