package uk.ear.caseservice.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The service accounts' API keys ({@code X-API-Key}), known only by their SHA-256 hashes ({@code
 * ear.security.api-keys}). A presented key is hashed and compared with every configured hash in
 * constant time, all of them every time, so neither the answer's timing nor an early exit tells how
 * close a guess was. Several keys may map to one user (rotation).
 */
public class ApiKeys {

  private record Entry(String user, byte[] sha256) {}

  private final List<Entry> entries;

  public ApiKeys(EarSecurityProperties properties) {
    this.entries =
        properties.apiKeys().stream()
            .map(k -> new Entry(k.user(), HexFormat.of().parseHex(k.sha256().toLowerCase(Locale.ROOT))))
            .toList();
  }

  /** The user a key belongs to, if it is one of the configured keys. */
  public Optional<String> userOf(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    byte[] presented = sha256(key);
    String user = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(presented, entry.sha256()) && user == null) {
        user = entry.user();
      }
    }
    return Optional.ofNullable(user);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The hex SHA-256 of a key, as {@code ear.security.api-keys[].sha256} expects it. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
