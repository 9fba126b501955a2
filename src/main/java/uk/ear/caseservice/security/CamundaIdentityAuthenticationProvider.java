package uk.ear.caseservice.security;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import uk.ear.caseservice.shared.CurrentUser;

/**
 * HTTP Basic against the engine's own users (the ones Camunda Admin manages). Each Camunda group
 * becomes a role: group {@code police-integration} is role {@code ROLE_police-integration}.
 *
 * <p>People go through Camunda's password check, with its login throttling and (see {@link
 * TemporaryLockIdentityProvider}) a temporary lock after repeated failures. Service accounts
 * ({@link ServiceAccounts}) never do: with the demo identities their password is compared with the
 * stored salted hash directly, so a wrong one is neither counted nor delays or locks the account;
 * outside the demo they authenticate with an API key only, and Basic is refused before any check.
 *
 * <p>Only a wrong user or password is an {@code AuthenticationException} (a 401). When the engine
 * cannot read the user or its groups because the database is down, its exception is let through
 * unwrapped (never as an {@code InternalAuthenticationServiceException}, which Spring Security
 * would answer with a 401 too) and {@code DatabaseOutageFilter} answers 503 with Retry-After.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {


  private final IdentityService identity;
  private final PasswordManager passwords;
  private final boolean demoIdentities;

  public CamundaIdentityAuthenticationProvider(
      IdentityService identity, PasswordManager passwords, boolean demoIdentities) {
    this.identity = identity;
    this.passwords = passwords;
    this.demoIdentities = demoIdentities;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null) {
      throw new BadCredentialsException("no user name or password");
    }
    Set<String> groups = groupsOf(identity, user);
    if (ServiceAccounts.isService(groups)) {
      if (!demoIdentities) {
        throw new BadCredentialsException("service account: HTTP Basic refused, use X-API-Key");
      }
      if (!storedPasswordMatches(user, credentials.toString())) {
        throw new BadCredentialsException("bad credentials (service account, not counted)");
      }
    } else if (!identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException(isLocked(user) ? "bad credentials or account locked" : "bad credentials");
    }
    return authenticated(user, groups);
  }

  /** Compares with the stored salted hash itself: no attempt is counted, no delay, no lock. */
  private boolean storedPasswordMatches(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    return passwords.check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword());
  }

  private boolean isLocked(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user instanceof UserEntity entity) {
      Date until = entity.getLockExpirationTime();
      return until != null && until.after(ClockUtil.getCurrentTime());
    }
    return false;
  }

  static Set<String> groupsOf(IdentityService identity, String user) {
    return identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
  }

  static UsernamePasswordAuthenticationToken authenticated(String user, Set<String> groups) {
    List<GrantedAuthority> roles =
        groups.stream()
            .sorted()
            .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + g))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
