package uk.ear.caseservice.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.ear.caseservice.shared.CurrentUser;
import uk.ear.caseservice.shared.Teams;

/**
 * Who may call which path of {@code /api}, {@code /engine-rest}, the OpenAPI description and
 * Actuator, at the HTTP layer. Camunda authorization (in {@code /engine-rest}) and the case
 * service's own checks ({@code CaseAccess}) apply on top; each layer alone must hold.
 *
 * <ul>
 *   <li>A service account ({@link ServiceAccounts}) may call only its own service's paths (an
 *       allowlist; everything else is 403, also if the account has other groups):
 *       <ul>
 *         <li>{@code police-integration}: {@code POST /api/calls}, {@code GET
 *             /api/cases/{caseRef}}, the OpenAPI description;
 *         <li>{@code hospital-liaison}: {@code POST /api/hospital-admissions}, {@code GET
 *             /api/cases/{caseRef}}, the OpenAPI description;
 *         <li>{@code workers}: external tasks in {@code /engine-rest} (fetch and lock, complete,
 *             failure, BPMN error, extend lock, unlock, and the list of tasks, which the workers'
 *             shutdown reads) and {@code GET /api/cases/{caseRef}} and its handover pack;
 *         <li>{@code benchmark} (only where {@code bench/} has created it): start a process by key,
 *             list and complete tasks in {@code /engine-rest}, for the bare-engine figures beside
 *             the intake's; Camunda authorizations limit it to the benchmark's own process.
 *       </ul>
 *   <li>People (team groups, managers, EDT) and {@code camunda-admin}: everything authenticated,
 *       except what only a service posts ({@code POST /api/calls}, {@code POST
 *       /api/hospital-admissions}), Camunda's {@code POST /engine-rest/identity/verify},
 *       legal holds, subject access and Actuator beyond health: those are {@code camunda-admin}
 *       only.
 * </ul>
 */
public class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  static final List<String> OPENAPI = List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html");

  private static final Map<String, List<RequestMatcher>> SERVICE_PATHS =
      Map.of(
          Teams.POLICE_GROUP,
          matchers(
              List.of(
                  rule(POST, "/api/calls"), rule(GET, "/api/cases/{caseRef}")),
              GET, OPENAPI),
          Teams.HOSPITAL_GROUP,
          matchers(
              List.of(
                  rule(POST, "/api/hospital-admissions"), rule(GET, "/api/cases/{caseRef}")),
              GET, OPENAPI),
          Teams.WORKERS_GROUP,
          List.of(
              rule(POST, "/engine-rest/external-task/fetchAndLock"),
              rule(POST, "/engine-rest/external-task/{id}/complete"),
              rule(POST, "/engine-rest/external-task/{id}/failure"),
              rule(POST, "/engine-rest/external-task/{id}/bpmnError"),
              rule(POST, "/engine-rest/external-task/{id}/extendLock"),
              rule(POST, "/engine-rest/external-task/{id}/unlock"),
              rule(GET, "/engine-rest/external-task"),
              rule(GET, "/api/cases/{caseRef}"),
              rule(GET, "/api/cases/{caseRef}/handover-pack")),
          Teams.BENCHMARK_GROUP,
          List.of(
              rule(POST, "/engine-rest/process-definition/key/{key}/start"),
              rule(GET, "/engine-rest/task"),
              rule(POST, "/engine-rest/task/{id}/complete")));

  /**
   * Administrator only among people: what services post (people may not pretend to be one), and
   * Camunda's password check for any user ({@code identity/verify}), which would let anyone
   * count failed logins against, and so lock, somebody else.
   */
  private static final List<RequestMatcher> ADMIN_ONLY =
      List.of(
          rule(POST, "/api/calls"),
          rule(POST, "/api/hospital-admissions"),
          rule(POST, "/engine-rest/identity/verify"),
          // data protection: legal holds and subject access are the administrator's
          rule(PUT, "/api/cases/{caseRef}/legal-hold"),
          rule(DELETE, "/api/cases/{caseRef}/legal-hold"),
          rule(null, "/api/subject-access/**"));

  private static final RequestMatcher ACTUATOR = rule(null, "/actuator/**");

  /** Whether one of a service account's groups may call this method and path. */
  public static boolean allowedForService(Set<String> groups, HttpServletRequest request) {
    return groups.stream()
        .map(SERVICE_PATHS::get)
        .filter(Objects::nonNull)
        .flatMap(List::stream)
        .anyMatch(m -> m.matches(request));
  }

  @Override
  @SuppressWarnings("deprecation")
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication auth = authentication.get();
    if (auth == null || TRUST.isAnonymous(auth) || !auth.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    Set<String> groups = CurrentUser.groupsOf(auth);
    HttpServletRequest request = context.getRequest();
    if (ServiceAccounts.isService(groups)) {
      return new AuthorizationDecision(allowedForService(groups, request));
    }
    boolean admin = groups.contains(Teams.ADMIN_GROUP);
    if (ACTUATOR.matches(request) || ADMIN_ONLY.stream().anyMatch(m -> m.matches(request))) {
      return new AuthorizationDecision(admin);
    }
    return new AuthorizationDecision(true);
  }

  private static RequestMatcher rule(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static List<RequestMatcher> matchers(
      List<RequestMatcher> rules, HttpMethod method, List<String> patterns) {
    return Stream.concat(
            rules.stream(), patterns.stream().map(p -> rule(method, p)))
        .toList();
  }
}
