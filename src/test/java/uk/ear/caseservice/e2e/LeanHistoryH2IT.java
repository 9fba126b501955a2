package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;
import uk.ear.caseservice.support.Casework;

/**
 * The history the engine keeps of a case (engine.LeanHistory): what managers and Cockpit read is
 * there, the per-value detail rows and the job log's routine rows are not.
 */
@OnH2
class LeanHistoryH2IT extends EndToEndTest {

  @Test
  void aCaseLeavesItsTasksActivitiesAndVariablesButNoDetailRowsOrRoutineJobLog() {
    Api api = new Api(port);
    Casework work = new Casework(api);
    JsonNode receipt =
        api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 3, "PRESTON", OffsetDateTime.now(ENGINE).minusMinutes(5)))
            .body();
    String caseRef = receipt.path("caseRef").asText();
    String instance = receipt.path("processInstanceId").asText();
    work.complete("sw.preston1", caseRef, "Record joint visit", Map.of());
    work.runJobs(caseRef);

    String query = "?processInstanceId=" + instance;
    assertThat(api.get("admin", "/engine-rest/history/task" + query).body())
        .anySatisfy(t -> {
          assertThat(t.path("taskDefinitionKey").asText()).isEqualTo("Task_RecordJointVisit");
          assertThat(t.path("endTime").isNull()).isFalse();
        });
    assertThat(api.get("admin", "/engine-rest/history/activity-instance" + query).body()).hasSizeGreaterThan(3);
    assertThat(api.get("admin", "/engine-rest/history/variable-instance" + query).body())
        .anySatisfy(v -> assertThat(v.path("name").asText()).isEqualTo("caseRef"))
        .anySatisfy(v -> assertThat(v.path("name").asText()).isEqualTo("teamGroup"));
    // the save point before "Notify police of new case" ran as a job, and left no routine log
    assertThat(api.get("admin", "/engine-rest/history/activity-instance" + query + "&activityId=Task_NotifyPoliceOfNewCase").body())
        .isNotEmpty();
    assertThat(api.get("admin", "/engine-rest/history/detail" + query).body()).isEmpty();
    assertThat(api.get("admin", "/engine-rest/history/job-log" + query).body()).isEmpty();
  }
}
