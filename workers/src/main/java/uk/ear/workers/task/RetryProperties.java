package uk.ear.workers.task;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Retries of a failed send ({@code workers.retry.backoff}): one retry per entry, each after its
 * delay; after the last the task's retries are 0 and the engine raises an incident.
 *
 * @param backoff e.g. {@code 1m, 5m, 15m}: 3 retries, 4 attempts in all
 */
@Validated
@ConfigurationProperties("workers.retry")
public record RetryProperties(@NotEmpty List<@NotNull Duration> backoff) {}
