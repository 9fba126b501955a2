package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;

/**
 * A team's queue is listed without checking each task's grant again (engine.TeamQueueQueries),
 * and lists what Camunda's own check would: the tasks offered to the worker's team, never another
 * team's, however the worker asks.
 */
@OnH2
class TeamQueueQueriesH2IT extends EndToEndTest {

  static final String WORKER = "sw.preston1";

  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void tasklistsTeamFilterListsExactlyTheTasksTheWorkerMayReadOfTheTeam() {
    Api api = new Api(port);
    String preston = newCase(api, "PRESTON");
    String burnley = newCase(api, "BURNLEY");

    String filter = api.get(WORKER, "/engine-rest/filter?name=Team tasks").body().get(0).path("id").asText();
    List<JsonNode> listed = new ArrayList<>();
    api.post(WORKER, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=100000", Map.of()).body().forEach(listed::add);
    long count = api.post(WORKER, "/engine-rest/filter/" + filter + "/count", Map.of()).body().path("count").asLong();

    Set<String> listedIds = new HashSet<>();
    listed.forEach(t -> listedIds.add(t.path("id").asText()));
    assertThat(count).isEqualTo(listed.size());
    assertThat(listed).anySatisfy(t -> assertThat(t.path("processInstanceId").asText()).isEqualTo(preston));
    assertThat(listed).noneSatisfy(t -> assertThat(t.path("processInstanceId").asText()).isEqualTo(burnley));
    // what Camunda's check per task gives: the tasks offered to the worker's groups that the worker may read
    assertThat(listedIds).isEqualTo(readableCandidateTasksOf(WORKER, groupsOf(WORKER)));
  }

  @Test
  void aQueryOfTheWorkersOwnTeamsQueueSkipsTheCheckPerTaskAndAnyOtherKeepsIt() {
    Api api = new Api(port);
    newCase(api, "PRESTON");
    String burnley = newCase(api, "BURNLEY");
    List<String> own = groupsOf(WORKER);
    identity.setAuthentication(WORKER, own);

    TaskQueryImpl queue = (TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroupIn(own).includeAssignedTasks();
    assertThat(queue.count()).isPositive();
    assertThat(queue.getAuthCheck().isAuthorizationCheckEnabled()).isFalse();
    TaskQueryImpl mine = (TaskQueryImpl) tasks.createTaskQuery().taskCandidateUser(WORKER);
    mine.list();
    assertThat(mine.getAuthCheck().isAuthorizationCheckEnabled()).isFalse();

    // another team's group, alone or added to the worker's own: checked per task, and none of its tasks
    List<String> withBurnley = new ArrayList<>(own);
    withBurnley.add("ear-burnley");
    for (TaskQueryImpl asked :
        List.of(
            (TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroup("ear-burnley"),
            (TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroupIn(withBurnley),
            (TaskQueryImpl) tasks.createTaskQuery().taskCandidateUser("sw.burnley1"),
            (TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroupLike("ear-%"),
            (TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup(own.get(0)).processInstanceId(burnley).endOr(),
            (TaskQueryImpl) tasks.createTaskQuery())) {
      assertThat(asked.list()).noneSatisfy(t -> assertThat(t.getProcessInstanceId()).isEqualTo(burnley));
      assertThat(asked.getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
    }
  }

  private static String newCase(Api api, String district) {
    return api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 3, district, OffsetDateTime.now(ENGINE).minusMinutes(5)))
        .body()
        .path("processInstanceId")
        .asText();
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private Set<String> readableCandidateTasksOf(String user, List<String> groups) {
    Set<String> ids = new HashSet<>();
    for (Task task : tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list()) {
      if (authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, task.getId())) {
        ids.add(task.getId());
      }
    }
    return ids;
  }
}
