package uk.ear.caseservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around everything else, Spring Security included: a request that fails because the database
 * cannot be reached ({@link DatabaseOutage}) is answered {@code 503} with {@code Retry-After}
 * ({@link DatabaseUnavailable}), not {@code 500} and not Spring Boot's error page. It catches what
 * nothing inside answered: the service's own API ({@code /api}, whose {@code ApiProblems} has no
 * handler for database failures), the API key and Basic authentication (reading a caller's groups
 * from the engine fails with the database; that is no wrong password, so it is no {@code 401}),
 * the webapps' login. Camunda's REST API answers its own failures ({@link EngineRestConfig}).
 * Anything else, and anything once the answer has begun, goes on as before.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  private final DatabaseUnavailable unavailable;

  public DatabaseOutageFilter(DatabaseUnavailable unavailable) {
    this.unavailable = unavailable;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseOutage.isOutage(e) || response.isCommitted()) {
        throw e;
      }
      unavailable.send(request, response, e);
    }
  }
}
