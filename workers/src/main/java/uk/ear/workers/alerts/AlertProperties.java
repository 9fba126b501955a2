package uk.ear.workers.alerts;

import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Manager alerts ({@code workers.alerts.*}).
 *
 * @param teamAddresses duty manager address per team ({@code PRESTON=...}), and {@code default}
 *     for a team without one; keys are matched ignoring case, {@code -}/{@code .} as {@code _}
 * @param webappUrl base of the Camunda webapps for links, e.g. {@code
 *     http://localhost:8080/camunda/app}
 */
@Validated
@ConfigurationProperties("workers.alerts")
public record AlertProperties(Map<String, String> teamAddresses, @NotBlank String webappUrl) {

  public static final String DEFAULT = "DEFAULT";

  public AlertProperties {
    teamAddresses =
        teamAddresses == null
            ? Map.of()
            : teamAddresses.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(e -> normal(e.getKey()), e -> e.getValue().strip()));
    webappUrl = webappUrl == null ? null : webappUrl.replaceAll("/+$", "");
  }

  /** The team's address, else the default one. */
  public Optional<String> addressOf(String team) {
    String address = team == null ? null : teamAddresses.get(normal(team));
    return Optional.ofNullable(address != null ? address : teamAddresses.get(DEFAULT));
  }

  static String normal(String key) {
    return key.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }
}
