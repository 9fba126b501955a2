package uk.ear.workers.caseservice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The case service's own API ({@code workers.case-service.*}), reached with the engine user's
 * credentials ({@code workers.engine.user}/{@code password}).
 *
 * @param url base URL; the client calls {@code {url}/api/cases/...}
 */
@Validated
@ConfigurationProperties("workers.case-service")
public record CaseServiceProperties(
    @NotBlank String url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {}
