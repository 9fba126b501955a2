package uk.ear.caseservice.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic against the engine's own users (the ones Camunda Admin manages). Each Camunda group
 * becomes a role: group {@code police-integration} is role {@code ROLE_police-integration}.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String ROLE_PREFIX = "ROLE_";

  private final IdentityService identity;

  public CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null
        || user.isBlank()
        || credentials == null
        || !identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<GrantedAuthority> roles =
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(ROLE_PREFIX + g))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
  }

  /** The Camunda groups of an authentication this provider made (ROLE_<group> authorities). */
  public static Set<String> groupsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(ROLE_PREFIX))
        .map(a -> a.substring(ROLE_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
