package uk.ear.workers.handover;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where handover packs go ({@code workers.handover.addresses.<SERVICE>=address}). A service
 * without an address gets no pack: the task ends in the BPMN error {@code
 * UNKNOWN_RECEIVING_SERVICE}. An unknown service name here fails the start.
 */
@Validated
@ConfigurationProperties("workers.handover")
public record HandoverProperties(Map<ReceivingService, @NotBlank @Email String> addresses) {

  public HandoverProperties {
    addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
  }
}
