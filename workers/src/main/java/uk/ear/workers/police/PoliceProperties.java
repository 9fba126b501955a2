package uk.ear.workers.police;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The police system's endpoint for case updates ({@code workers.police.*}).
 *
 * @param url where the JSON update is POSTed
 * @param apiKey sent as {@code X-Api-Key}; required (the demo profile has a placeholder)
 */
@Validated
@ConfigurationProperties("workers.police")
public record PoliceProperties(
    @NotBlank String url,
    @NotBlank String apiKey,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout) {

  @Override
  public String toString() {
    return "PoliceProperties[url=" + url + "]";
  }
}
