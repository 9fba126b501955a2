package uk.ear.workers.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sender of every mail ({@code workers.mail.from}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 */
@Validated
@ConfigurationProperties("workers.mail")
public record MailSettings(@NotBlank @Email String from) {}
