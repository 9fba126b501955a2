package uk.ear.workers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import uk.ear.workers.task.PermanentFailure;

/** Plain-text mail over SMTP, with an optional PDF attachment. */
@Component
public class Mailer {

  public static final String IDEMPOTENCY_HEADER = "X-EAR-Idempotency-Key";

  /** One mail; {@code attachment} may be null. */
  public record Mail(
      String to, String subject, String text, String idempotencyKey, Attachment attachment) {}

  public record Attachment(String fileName, byte[] pdf) {}

  private final JavaMailSender sender;
  private final MailSettings settings;

  public Mailer(JavaMailSender sender, MailSettings settings) {
    this.sender = sender;
    this.settings = settings;
  }

  /** Sends the mail; SMTP failures ({@code MailException}) propagate and are retried. */
  public void send(Mail mail) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper =
          new MimeMessageHelper(message, mail.attachment() != null, StandardCharsets.UTF_8.name());
      helper.setFrom(settings.from());
      helper.setTo(mail.to());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), false);
      if (mail.attachment() != null) {
        helper.addAttachment(
            mail.attachment().fileName(),
            new ByteArrayResource(mail.attachment().pdf()),
            "application/pdf");
      }
      message.setHeader(IDEMPOTENCY_HEADER, mail.idempotencyKey());
    } catch (MessagingException e) {
      // a malformed configured address: retrying cannot help
      throw new PermanentFailure("cannot build the mail to " + mail.to() + ": " + e.getMessage(), e);
    }
    sender.send(message);
  }

}
