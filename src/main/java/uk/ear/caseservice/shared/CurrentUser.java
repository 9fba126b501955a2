package uk.ear.caseservice.shared;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in caller as the service's own code sees it: each Camunda group the caller belongs
 * to is a Spring Security role, group {@code police-integration} is role {@code
 * ROLE_police-integration}.
 */
public final class CurrentUser {

  public static final String ROLE_PREFIX = "ROLE_";

  private CurrentUser() {}

  /** The Camunda groups of an authentication the service made (ROLE_<group> authorities). */
  public static Set<String> groupsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(ROLE_PREFIX))
        .map(a -> a.substring(ROLE_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }
}
