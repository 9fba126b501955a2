package uk.ear.workers.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * The engine's view of the tasks this worker still holds, and their release, over {@code
 * /engine-rest} (the client library has no query). Used on shutdown. Needs READ and UPDATE on the
 * tasks' process instances (or READ_INSTANCE and UPDATE_INSTANCE on their definitions).
 */
public class HeldTasks {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LockedTask(String id, String topicName, String businessKey) {}

  private final RestClient engine;

  public HeldTasks(RestClient engine) {
    this.engine = engine;
  }

  public List<LockedTask> lockedBy(String workerId) {
    List<LockedTask> tasks =
        engine
            .get()
            .uri("/external-task?workerId={workerId}&locked=true", workerId)
            .retrieve()
            .body(new ParameterizedTypeReference<List<LockedTask>>() {});
    return tasks == null ? List.of() : tasks;
  }

  public void unlock(String externalTaskId) {
    engine.post().uri("/external-task/{id}/unlock", externalTaskId).retrieve().toBodilessEntity();
  }
}
