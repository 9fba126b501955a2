package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.ear.caseservice.support.Calls.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.WebappSession;

/**
 * Data protection: every read of a case's data is audited once, with who, when, through which
 * channel and what, on every path a person can read it by: the service's API, the handover pack,
 * /engine-rest (form variables, variables, history), and the webapps' engine API behind Tasklist
 * and Cockpit. A refused read is audited as refused. The team's managers read the trail.
 */
@OnH2
class ReadAuditH2IT extends EndToEndTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;

  Api api;
  String caseRef;
  String instance;
  String visit;

  @BeforeEach
  void aCase() {
    api = new Api(port);
    JsonNode created = api.post("police", "/api/calls", call()).body();
    caseRef = created.path("caseRef").asText();
    instance = created.path("processInstanceId").asText();
    visit = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @Test
  void aReadOfTheCaseThroughTheApiIsAuditedOnceAndARefusedOneAsRefused() {
    assertThat(api.get("sw.preston1", "/api/cases/" + caseRef).code()).isEqualTo(200);
    assertThat(rows("sw.preston1")).containsExactly(row("VIEWED", "API", "case", false));

    assertThat(api.get("sw.burnley1", "/api/cases/" + caseRef).code()).isEqualTo(404);
    assertThat(rows("sw.burnley1")).containsExactly(row("VIEWED", "API", "case", true));
  }

  @Test
  void theHandoverPackIsAuditedOnce() {
    assertThat(api.get("sw.preston1", "/api/cases/" + caseRef + "/handover-pack").code()).isEqualTo(200);
    assertThat(rows("sw.preston1"))
        .containsExactly(row("HANDOVER_PACK_READ", "HANDOVER_PACK", "people, incidents and notes", false));
  }

  @Test
  void engineRestFormVariablesVariablesAndHistoryAreEachAuditedOnce() {
    assertThat(api.get("sw.preston1", "/engine-rest/task/" + visit + "/form-variables").code()).isEqualTo(200);
    assertThat(rows("sw.preston1")).containsExactly(row("READ", "ENGINE_REST", "task form variables", false));

    assertThat(api.get("mgr.preston", "/engine-rest/process-instance/" + instance + "/variables").code()).isEqualTo(200);
    assertThat(rows("mgr.preston")).containsExactly(row("READ", "ENGINE_REST", "process variables", false));

    assertThat(api.get("admin", "/engine-rest/history/variable-instance?processInstanceId=" + instance).code())
        .isEqualTo(200);
    assertThat(rows("admin")).containsExactly(row("READ", "ENGINE_REST", "history: variables", false));
  }

  @Test
  void aRefusedEngineRestReadIsAuditedAsRefused() {
    int status = api.get("sw.burnley1", "/engine-rest/task/" + visit + "/form-variables").code();
    assertThat(status).isIn(403, 404);
    assertThat(rows("sw.burnley1")).containsExactly(row("READ", "ENGINE_REST", "task form variables", true));
  }

  @Test
  void tasklistOpeningATaskFormIsAuditedOnce() {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "sw.preston1", "demo");
    var read = tasklist.get("/camunda/api/engine/engine/default/task/" + visit + "/form-variables", "tasklist");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(rows("sw.preston1")).containsExactly(row("READ", "TASKLIST", "task form variables", false));
  }

  @Test
  void cockpitShowingACasesVariablesIsAuditedOnce() {
    WebappSession cockpit = WebappSession.login(port, "cockpit", "mgr.preston", "demo");
    var read = cockpit.post("/camunda/api/engine/engine/default/variable-instance?deserializeValues=false",
        "{\"processInstanceIdIn\": [\"" + instance + "\"]}", "cockpit");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(rows("mgr.preston")).containsExactly(row("READ", "COCKPIT", "process variables", false));
  }

  @Test
  void theTeamsManagersReadTheTrailAndNobodyElse() {
    api.get("sw.preston1", "/api/cases/" + caseRef);
    api.get("sw.burnley1", "/api/cases/" + caseRef);

    Api.Response trail = api.get("mgr.preston", "/api/cases/" + caseRef + "/audit");
    assertThat(trail.code()).isEqualTo(200);
    List<String> lines = new java.util.ArrayList<>();
    trail.body().forEach(line -> lines.add(line.path("user").asText() + " " + line.path("action").asText()
        + " " + line.path("channel").asText() + (line.path("refused").asBoolean() ? " refused" : "")));
    assertThat(lines).contains("police CREATED SERVICE", "sw.preston1 VIEWED API", "sw.burnley1 VIEWED API refused");
    assertThat(trail.body().get(0).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d|.*Z");

    assertThat(api.get("sw.preston1", "/api/cases/" + caseRef + "/audit").code()).isEqualTo(404);
    assertThat(api.get("mgr.burnley", "/api/cases/" + caseRef + "/audit").code()).isEqualTo(404);
    assertThat(api.get("admin", "/api/cases/" + caseRef + "/audit").code()).isEqualTo(200);
  }

  /** The case's audit rows of one user: action, channel, detail, refused. */
  private List<String> rows(String user) {
    return jdbc.queryForList(
        "select action || '|' || coalesce(channel, '') || '|' || coalesce(detail, '') || '|' || case when refused then 'true' else 'false' end"
            + " from ear_case_audit where case_ref = ? and username = ? order by id",
        String.class, caseRef, user);
  }

  private static String row(String action, String channel, String detail, boolean refused) {
    return action + "|" + channel + "|" + detail + "|" + refused;
  }
}
