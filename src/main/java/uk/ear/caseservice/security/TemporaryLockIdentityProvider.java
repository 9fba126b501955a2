package uk.ear.caseservice.security;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own users, with a temporary lock instead of Camunda's permanent one.
 *
 * <p>Camunda 7.24 ({@code DbIdentityServiceProvider}): each wrong password sets a lock expiry of
 * {@code login-delay-base * login-delay-factor^(attempts-1)} seconds (at most {@code
 * login-delay-max-time}), during which even the right password is refused and wrong ones are not
 * counted; once the count reaches {@code login-max-attempts} the account is locked for good, until
 * an administrator unlocks it. Here, below {@code ear.security.lock-after-attempts} (the engine's
 * {@code login-max-attempts}) Camunda's growing delay applies unchanged; the wrong password that
 * reaches it locks the account for {@code ear.security.lock-duration}, after which it unlocks
 * itself. The count stays, so the next wrong password after the lock locks it again at once; the
 * right password (or an administrator's unlock) clears it. Admin's "Unlock User" and {@code POST
 * /engine-rest/user/{id}/unlock} (camunda-admin only) lift a lock early.
 *
 * <p>Why not only configuration (a huge {@code login-max-attempts} and {@code login-delay-max-time}
 * = the lock duration)? Then the lock length depends on the delay formula, not on a number of
 * attempts, and the delay would already be minutes long after a few typos.
 *
 * <p>Service accounts never reach this check (see {@link CamundaIdentityAuthenticationProvider}).
 */
public class TemporaryLockIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger log = LoggerFactory.getLogger(TemporaryLockIdentityProvider.class);

  private final Duration lockDuration;

  public TemporaryLockIdentityProvider(Duration lockDuration) {
    this.lockDuration = lockDuration;
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    Date until = user.getLockExpirationTime();
    return until != null && until.after(ClockUtil.getCurrentTime());
  }

  @Override
  protected void lockUser(UserEntity user) {
    int attempts = user.getAttempts() + 1;
    if (attempts < Context.getProcessEngineConfiguration().getLoginMaxAttempts()) {
      super.lockUser(user);
      return;
    }
    Date until = new Date(ClockUtil.getCurrentTime().getTime() + lockDuration.toMillis());
    log.info("user '{}' locked until {} after {} failed logins", user.getId(), until.toInstant(), attempts);
    getIdentityInfoManager().updateUserLock(user, attempts, until);
  }

  /** Makes the engine use this provider for its users and groups. */
  public static class Factory implements SessionFactory {

    private final Duration lockDuration;

    public Factory(Duration lockDuration) {
      this.lockDuration = lockDuration;
    }

    @Override
    public Class<?> getSessionType() {
      return TemporaryLockIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new TemporaryLockIdentityProvider(lockDuration);
    }
  }
}
