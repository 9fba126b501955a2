package uk.ear.workers.police;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.ear.workers.http.HttpClients;
import uk.ear.workers.task.PermanentFailure;

/**
 * POSTs an update to the police system. 2xx: done. 4xx (400, 422, …): an incident now with the
 * police system's own message, since the same body would be refused again; 408 and 429 are
 * retried. 5xx, timeouts and refused connections: retried with backoff.
 */
@Component
public class PoliceClient {

  static final int MAX_QUOTED = 500;

  private final RestClient http;
  private final PoliceProperties properties;

  public PoliceClient(RestClient.Builder builder, PoliceProperties properties) {
    this.properties = properties;
    this.http =
        builder
            .clone()
            .requestFactory(
                HttpClients.requestFactory(properties.connectTimeout(), properties.readTimeout()))
            .build();
  }

  public void post(PoliceUpdate update, String idempotencyKey) {
    http.post()
        .uri(properties.url())
        .contentType(MediaType.APPLICATION_JSON)
        .header("X-Api-Key", properties.apiKey())
        .header("Idempotency-Key", idempotencyKey)
        .body(update)
        .exchange(
            (request, response) -> {
              HttpStatusCode status = response.getStatusCode();
              if (status.is2xxSuccessful()) {
                return null;
              }
              String answer = quote(response.getBody());
              String what =
                  "the police system answered " + status.value() + " to the " + update.event()
                      + " update of " + update.caseRef();
              if (status.is4xxClientError() && status.value() != 408 && status.value() != 429) {
                throw new PermanentFailure(what + " (not retried): " + answer);
              }
              throw new PoliceUnavailable(what + ": " + answer);
            });
  }

  private static String quote(java.io.InputStream body) {
    try {
      String text = new String(body.readNBytes(MAX_QUOTED + 1), StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return "(no message)";
      }
      return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
    } catch (java.io.IOException e) {
      return "(message unreadable)";
    }
  }

  /** The police system could not take the update now: retried with backoff. */
  public static class PoliceUnavailable extends RuntimeException {
    public PoliceUnavailable(String message) {
      super(message);
    }
  }
}
