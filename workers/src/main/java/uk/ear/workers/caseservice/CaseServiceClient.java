package uk.ear.workers.caseservice;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.ear.workers.engine.EngineCredentials;
import uk.ear.workers.engine.EngineProperties;
import uk.ear.workers.engine.WorkerId;
import uk.ear.workers.http.HttpClients;
import uk.ear.workers.task.PermanentFailure;

/**
 * Reads what a task needs about its case from the case service over HTTP, as the {@code workers}
 * user (API key, or Basic in the demo) and with this instance's worker id, under whose lock the
 * case service lets it read: the process variables carry references only. 404/401/403 and other 4xx are incidents at
 * once (retrying will not make the case visible); 5xx and I/O failures are retried.
 */
@Component
public class CaseServiceClient {

  private final RestClient http;
  private final String user;
  private final String workerId;

  public CaseServiceClient(
      RestClient.Builder builder,
      CaseServiceProperties properties,
      EngineProperties engine,
      WorkerId workerId) {
    this.user = engine.user();
    this.workerId = workerId.value();
    this.http =
        builder
            .clone()
            .requestFactory(
                HttpClients.requestFactory(properties.connectTimeout(), properties.readTimeout()))
            .baseUrl(properties.url())
            .defaultHeaders(
                headers -> {
                  EngineCredentials.apply(engine, headers);
                  headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
                })
            .build();
  }

  /** The case, read under this worker's lock on one of its external tasks. */
  public CaseSummary getCase(String caseRef) {
    return get("/api/cases/{caseRef}", caseRef, CaseSummary.class);
  }

  /** The handover pack, read while this worker holds the case's handover task. */
  public HandoverPack getHandoverPack(String caseRef) {
    return get("/api/cases/{caseRef}/handover-pack", caseRef, HandoverPack.class);
  }

  private <T> T get(String path, String caseRef, Class<T> type) {
    // the case service checks that this worker id holds a lock on one of the case's tasks
    T body =
        http.get()
            .uri(path + "?workerId={workerId}", caseRef, workerId)
            .exchange(
                (request, response) -> {
                  HttpStatusCode status = response.getStatusCode();
                  if (status.is2xxSuccessful()) {
                    return response.bodyTo(type);
                  }
                  throw failure(status, caseRef, path);
                });
    if (body == null) {
      throw new CaseServiceUnavailable("the case service sent an empty answer for " + caseRef);
    }
    return body;
  }

  private RuntimeException failure(HttpStatusCode status, String caseRef, String path) {
    String where = "GET " + path.replace("{caseRef}", caseRef);
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      return new PermanentFailure(
          where + " answered 404: case " + caseRef + " is unknown or not visible to user '"
              + user + "' (check its permissions in the case service)");
    }
    if (status.value() == 401 || status.value() == 403) {
      return new PermanentFailure(
          where + " answered " + status.value() + ": the case service refuses user '" + user
              + "' (check workers.engine.api-key, the key's hash in the case service, and the user's group)");
    }
    if (status.is4xxClientError() && status.value() != 408 && status.value() != 429) {
      return new PermanentFailure(where + " answered " + status.value());
    }
    return new CaseServiceUnavailable(where + " answered " + status.value());
  }

  /** The case service could not answer now: retried with backoff. */
  public static class CaseServiceUnavailable extends RuntimeException {
    public CaseServiceUnavailable(String message) {
      super(message);
    }
  }
}
