package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;

/** GET /api/cases: each team its own cases, admin all; filters, paging and bad parameters. */
@OnH2
class CaseListH2IT extends EndToEndTest {

  Api api;
  String preston;
  String burnley;

  @BeforeEach
  void twoTeamsCases() {
    api = new Api(port);
    OffsetDateTime now = OffsetDateTime.now(ENGINE);
    preston = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 2, "PRESTON", now.minusMinutes(5)))
        .body().path("caseRef").asText();
    burnley = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 2, "BURNLEY", now.minusMinutes(5)))
        .body().path("caseRef").asText();
  }

  @Test
  void eachTeamListsItsOwnCasesAndAdminAll() {
    assertThat(refs("mgr.preston", "/api/cases?size=100")).contains(preston).doesNotContain(burnley);
    assertThat(refs("sw.preston1", "/api/cases?size=100")).contains(preston).doesNotContain(burnley);
    assertThat(refs("sw.burnley1", "/api/cases?size=100")).contains(burnley).doesNotContain(preston);
    assertThat(refs("admin", "/api/cases?size=100")).contains(preston, burnley);
    assertThat(refs("admin", "/api/cases?team=BURNLEY&size=100")).contains(burnley).doesNotContain(preston);
    // another team's list, or a list with no team at all, is not theirs
    assertThat(api.get("mgr.preston", "/api/cases?team=BURNLEY").code()).isEqualTo(403);
    assertThat(api.get("edt.duty", "/api/cases").code()).isEqualTo(403);
    assertThat(api.get("police", "/api/cases").code()).isEqualTo(403);
    // the fields of GET /api/cases/{caseRef}
    JsonNode first = api.get("admin", "/api/cases?size=1").body();
    assertThat(first.path("content")).hasSize(1);
    assertThat(first.path("content").get(0).has("responseDueAt")).isTrue();
    assertThat(first.path("content").get(0).has("activities")).isTrue();
    assertThat(first.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(first.path("totalPages").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void overdueListsTheCasesPastTheirResponseWindow() {
    assertThat(refs("mgr.preston", "/api/cases?stage=AWAITING_VISIT&size=100")).contains(preston);
    assertThat(refs("mgr.preston", "/api/cases?overdue=true&size=100")).doesNotContain(preston);
    // two hours on, the grade 2 hour has passed without a visit
    clockAt(ENGINE.instant().plusSeconds(7200));
    assertThat(refs("mgr.preston", "/api/cases?overdue=true&size=100")).contains(preston);
    assertThat(refs("mgr.preston", "/api/cases?overdue=false&size=100")).doesNotContain(preston);
  }

  @Test
  void badParametersAreNamed() {
    Api.Response stage = api.get("admin", "/api/cases?stage=SOMEWHERE");
    assertThat(stage.code()).isEqualTo(400);
    assertThat(stage.contentType()).startsWith("application/problem+json");
    assertThat(stage.body().path("errors").get(0).path("field").asText()).isEqualTo("stage");
    Api.Response size = api.get("admin", "/api/cases?size=1000");
    assertThat(size.code()).isEqualTo(400);
    assertThat(size.body().path("errors").get(0).path("field").asText()).isEqualTo("size");
  }

  private List<String> refs(String user, String path) {
    Api.Response response = api.get(user, path);
    assertThat(response.code()).as("%s %s: %s", user, path, response.body()).isEqualTo(200);
    List<String> refs = new ArrayList<>();
    response.body().path("content").forEach(c -> refs.add(c.path("caseRef").asText()));
    return refs;
  }
}
