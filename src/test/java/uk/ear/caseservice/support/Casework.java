package uk.ear.caseservice.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A case worked over HTTP as Tasklist and the job executor would: the case's tasks (its own and
 * those of the processes it calls, which share its reference), each completed from its deployed
 * form, and the due jobs run.
 */
public final class Casework {

  private final Api api;

  public Casework(Api api) {
    this.api = api;
  }

  /** GET /api/cases/{caseRef}, as admin. */
  public JsonNode caseView(String caseRef) {
    return api.get("admin", "/api/cases/" + caseRef).body();
  }

  /** The user's tasks of the case, most urgent first. */
  public List<JsonNode> tasks(String user, String caseRef) {
    Api.Response response =
        api.get(user, "/engine-rest/task?sortBy=priority&sortOrder=desc&processInstanceBusinessKey=" + caseRef);
    assertThat(response.code()).as("task query of %s: %s", user, response.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    response.body().forEach(list::add);
    return list;
  }

  public List<String> taskNames(String user, String caseRef) {
    return tasks(user, caseRef).stream().map(t -> t.path("name").asText()).toList();
  }

  public JsonNode task(String user, String caseRef, String name) {
    return tasks(user, caseRef).stream()
        .filter(t -> t.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " has no task '" + name + "' in " + caseRef));
  }

  /** Completes the user's task of that name from its deployed form, as Tasklist would. */
  public void complete(String user, String caseRef, String name, Map<String, Object> values) {
    complete(user, task(user, caseRef, name), values);
  }

  public void complete(String user, JsonNode task, Map<String, Object> values) {
    String id = task.path("id").asText();
    JsonNode form = api.get(user, "/engine-rest/task/" + id + "/deployed-form").body();
    Api.Response done = api.post(user, "/engine-rest/task/" + id + "/submit-form", FormFiller.submission(form, values));
    assertThat(done.code())
        .as("%s completes '%s': %s", user, task.path("name").asText(), done.body())
        .isEqualTo(204);
  }

  /** Runs the case's due jobs as the job executor would, until none is left (at most 10 rounds). */
  public void runJobs(String caseRef) {
    runJobs(caseRef, "");
  }

  /** As {@link #runJobs(String)}, of the jobs {@code filter} selects (e.g. "&messages=true"). */
  public void runJobs(String caseRef, String filter) {
    for (int round = 0; round < 10; round++) {
      // the case's own instance and those it calls (activities, support, handover) share its reference
      List<JsonNode> jobs = new ArrayList<>();
      for (JsonNode instance : api.get("admin", "/engine-rest/process-instance?businessKey=" + caseRef).body()) {
        api.get("admin", "/engine-rest/job?executable=true&processInstanceId=" + instance.path("id").asText() + filter)
            .body().forEach(jobs::add);
      }
      if (jobs.isEmpty()) {
        return;
      }
      for (JsonNode job : jobs) {
        assertThat(api.post("admin", "/engine-rest/job/" + job.path("id").asText() + "/execute", null).code())
            .isEqualTo(204);
      }
    }
    throw new AssertionError("jobs of " + caseRef + " keep coming");
  }

  /** The case's activity of {@code kind} as GET /api/cases shows it. */
  public JsonNode activity(String caseRef, String kind) {
    for (JsonNode a : caseView(caseRef).path("activities")) {
      if (a.path("kind").asText().equals(kind)) {
        return a;
      }
    }
    throw new AssertionError(caseRef + " has no activity " + kind);
  }
}
