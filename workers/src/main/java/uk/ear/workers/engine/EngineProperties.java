package uk.ear.workers.engine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the workers reach the engine ({@code workers.engine.*}). The same credentials serve the
 * case service's {@code /api} ({@link EngineCredentials}). No default: see {@link
 * CredentialsGuard}.
 *
 * @param url the engine's REST API, e.g. {@code http://localhost:8080/engine-rest}
 * @param user the technical user (group {@code workers} in the case service)
 * @param password its password: HTTP Basic, used only when there is no API key (the demo)
 * @param apiKey the user's API key, sent as {@code X-API-Key} instead of Basic; required outside
 *     the {@code demo} profile (see {@link CredentialsGuard})
 * @param workerId this instance's id in locks; blank: a new unique id on every start
 * @param lockDuration how long a fetched task stays ours: longer than the slowest send
 * @param asyncResponseTimeout long polling: how long a fetch waits on the engine for new tasks
 * @param maxTasks tasks per fetch; they are handled one after another within one lock duration
 * @param shutdownTimeout how long shutdown waits for the task in hand before unlocking the rest
 * @param fetching false: build the handlers but fetch nothing (tests, maintenance)
 */
@Validated
@ConfigurationProperties("workers.engine")
public record EngineProperties(
    @NotBlank String url,
    @NotBlank String user,
    String password,
    String apiKey,
    String workerId,
    @NotNull Duration lockDuration,
    @NotNull Duration asyncResponseTimeout,
    @Min(1) @Max(50) int maxTasks,
    @NotNull Duration shutdownTimeout,
    boolean fetching) {

  @Override
  public String toString() {
    // never print the password or the key
    return "EngineProperties[url=" + url + ", user=" + user + ", workerId=" + workerId + "]";
  }
}
