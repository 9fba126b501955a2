package uk.ear.caseservice.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers authenticate ({@code ear.security.*}).
 *
 * @param apiKeys the service accounts' API keys ({@code X-API-Key}), as SHA-256 hashes (hex) of
 *     the key, never the key itself. Several entries for one user are all valid: add the new key,
 *     move the client over, then remove the old one (rotation without downtime). An entry with a blank hash is ignored.
 * @param lockAfterAttempts a person's wrong passwords in a row before the account is locked for
 *     {@code lockDuration} (below that, Camunda's growing login delay applies)
 * @param lockDuration how long such a lock lasts; an administrator can lift it earlier (Camunda
 *     Admin, user, "Unlock User"; or {@code POST /engine-rest/user/{id}/unlock})
 */
@ConfigurationProperties("ear.security")
public record EarSecurityProperties(
    @DefaultValue List<ApiKey> apiKeys,
    @DefaultValue("10") int lockAfterAttempts,
    @DefaultValue("PT15M") Duration lockDuration) {

  /** One API key of a service account: {@code sha256} is the hex SHA-256 of the key's UTF-8. */
  public record ApiKey(String user, String sha256) {
    @Override
    public String toString() {
      return "ApiKey[user=" + user + "]";
    }
  }

  public EarSecurityProperties {
    // an entry left blank (e.g. an unset environment variable in docker-compose.yml) is no key
    apiKeys =
        apiKeys.stream()
            .filter(k -> k.sha256() != null && !k.sha256().isBlank())
            .toList();
    if (lockAfterAttempts < 1) {
      throw new IllegalArgumentException("ear.security.lock-after-attempts must be at least 1");
    }
    if (lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("ear.security.lock-duration must be positive");
    }
    for (ApiKey key : apiKeys) {
      if (key.user() == null
          || key.user().isBlank()
          || key.sha256() == null
          || !key.sha256().matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException(
            "ear.security.api-keys: each entry needs a user and the 64 hex digits of the SHA-256"
                + " of its key (" + key + ")");
      }
    }
  }
}
