package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.ear.caseservice.support.Calls.call;
import static uk.ear.caseservice.support.Calls.uniqueRef;
import static uk.ear.caseservice.support.Calls.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.FormFiller;
import uk.ear.caseservice.support.WebappSession;

/**
 * The server owns the case: a completion carries only its form, work stays in the team, each
 * technical account does its one job, and EDT reads only what it works on. Each hole that was
 * found (a forged {@code childInvolved}, {@code workers} correlating messages and running timers,
 * EDT reading every case) is tried here the way a careless or hostile insider would.
 */
@OnH2
class ServerOwnsTheCaseH2IT extends EndToEndTest {

  /** Variables the service's Java code reads besides those in the models' expressions. */
  static final Set<String> READ_BY_JAVA =
      Set.of(
          "caseRef", "incidentRef", "requestedClosureReason", "requestedBy", "closureReason",
          "assessmentOutcome", "screeningOutcome", "extensionWeeks", "receivingService",
          "supportExtended", "visitedOutOfHours");

  /** Names in expressions that are beans or EL, not variables. */
  static final Set<String> NOT_VARIABLES =
      Set.of("execution", "deadlines", "teamDirectory", "allocation", "true", "false", "null",
          "and", "or", "not", "eq", "ne", "empty");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired ExternalTaskService externalTasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  // --- a completion carries only its form

  @Test
  void aVisitCannotTellTheProcessThatAChildIsNoChild() {
    Api.Response created = api.post("police", "/api/calls", call());
    String instance = created.body().path("processInstanceId").asText();
    assertThat(runtime.getVariable(instance, "childInvolved")).isEqualTo(true);
    String visit = taskOf(instance, "Task_RecordJointVisit").getId();
    ObjectNode forged = FormFiller.submission(form(visit), Map.of("childInvolved", false));

    for (String endpoint : List.of("submit-form", "complete", "resolve")) {
      Api.Response refused = api.post("sw.preston1", "/engine-rest/task/" + visit + "/" + endpoint, forged);
      assertThat(refused.code()).as(endpoint).isEqualTo(400);
      assertThat(refused.body().path("message").asText())
          .as(endpoint)
          .isEqualTo("Record joint visit: please correct the form. 'childInvolved' is not a field of this form.");
    }
    assertThat(tasks.createTaskQuery().taskId(visit).count()).isOne();
    assertThat(runtime.getVariable(instance, "childInvolved")).isEqualTo(true);

    // the form's own fields alone move the case on, and closing a child's case still needs a manager
    assertThat(api.post("sw.preston1", "/engine-rest/task/" + visit + "/submit-form", FormFiller.submission(form(visit), Map.of())).code())
        .isEqualTo(204);
    String assess = taskOf(instance, "Task_AssessNeeds").getId();
    assertThat(api.post("sw.preston1", "/engine-rest/task/" + assess + "/submit-form",
        FormFiller.submission(form(assess), Map.of("assessmentOutcome", "NO_FURTHER_ACTION"))).code()).isEqualTo(204);
    assertThat(taskOf(instance, "Task_ApproveClosure")).isNotNull();
  }

  @Test
  void tasklistsOwnEngineApiRefusesAForgedVariableToo() throws Exception {
    Api.Response created = api.post("police", "/api/calls", call());
    String instance = created.body().path("processInstanceId").asText();
    String visit = taskOf(instance, "Task_RecordJointVisit").getId();
    WebappSession tasklist = WebappSession.login(port, "tasklist", "sw.preston1", "demo");

    var refused = tasklist.post("/camunda/api/engine/engine/default/task/" + visit + "/submit-form",
        FormFiller.submission(form(visit), Map.of("teamGroup", "ear-burnley")).toString());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("'teamGroup' is not a field of this form.");
    assertThat(tasks.createTaskQuery().taskId(visit).count()).isOne();
    assertThat(runtime.getVariable(instance, "teamGroup")).isEqualTo("ear-preston");
  }

  @Test
  void everyUserTaskRefusesEachVariableTheProcessReads() {
    Set<String> readByProcess = new TreeSet<>();
    CASE_PROCESSES.forEach(key -> readByProcess.addAll(variablesReadBy(latest(key))));
    assertThat(readByProcess).contains("childInvolved", "teamGroup", "allocatedWorker", "responseDueAt",
        "secondEscalationAt", "route", "assessmentOutcome", "receivingServices", "supportReviewAt");
    List<String> checked = new ArrayList<>();

    for (CaseTask caseTask : userTasksOfTheCase()) {
      UserTask userTask = caseTask.task();
      String caseInstance = api.post("police", "/api/calls", call()).body().path("processInstanceId").asText();
      Task task = startAt(caseInstance, caseTask);
      String instance = task.getProcessInstanceId();
      JsonNode form = form(task.getId());
      Map<String, JsonNode> fields = fieldsOf(form);
      for (String variable : readByProcess) {
        Object before = runtime.getVariable(instance, variable);
        Object forged = forgedValue(before);
        Api.Response refused = api.post("mgr.preston", "/engine-rest/task/" + task.getId() + "/submit-form",
            FormFiller.submission(form, Map.of(variable, forged)));

        String what = userTask.getName() + " with a forged " + variable;
        assertThat(refused.code()).as(what + ": " + refused.body()).isEqualTo(400);
        String message = refused.body().path("message").asText();
        if (fields.containsKey(variable)) {
          // a field of this very form: its handler refuses a value the form does not offer
          assertThat(message).as(what).contains("'" + fields.get(variable).path("label").asText());
        } else {
          assertThat(message).as(what).contains("'" + variable + "' is not a field of this form.");
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(what + ": task stays open").isOne();
        assertThat(runtime.getVariable(instance, variable)).as(what + ": nothing changes").isEqualTo(before);
      }
      checked.add(userTask.getId());
      runtime.deleteProcessInstance(caseInstance, "test done");
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
  }

  /**
   * The server's refusals quote the form's own words: every field given a value the form would
   * not accept is refused with its label as the worker sees it in Tasklist, and no quoted phrase
   * in the message is anything but a label of that form.
   */
  @Test
  void everyRefusalQuotesTheLabelsTheFormShows() {
    int quoted = 0;
    for (CaseTask caseTask : userTasksOfTheCase()) {
      String instance = api.post("police", "/api/calls", call()).body().path("processInstanceId").asText();
      Task task = startAt(instance, caseTask);
      JsonNode form = form(task.getId());
      Map<String, Object> wrong = new java.util.HashMap<>();
      Set<String> labels = new TreeSet<>();
      for (JsonNode field : fieldsOf(form).values()) {
        // a datetime field shows its dateLabel (and timeLabel) where others show their label
        for (String shown : List.of("label", "dateLabel", "timeLabel")) {
          if (field.hasNonNull(shown)) {
            labels.add(field.path(shown).asText());
          }
        }
        if (field.path("disabled").asBoolean()) {
          continue;
        }
        String key = field.path("key").asText();
        switch (field.path("type").asText()) {
          case "radio", "select" -> wrong.put(key, "NOT_AN_OPTION");
          case "number" -> wrong.put(key, 99_999);
          case "datetime" -> wrong.put(key, "not a time");
          case "checklist" -> wrong.put(key, Map.of("value", "[\"NOT_AN_OPTION\"]", "type", "Json"));
          case "textfield", "textarea" -> wrong.put(key, "");
          case "checkbox" -> wrong.put(key, false);
          default -> { }
        }
      }
      Api.Response refused = api.post("mgr.preston", "/engine-rest/task/" + task.getId() + "/submit-form",
          FormFiller.submission(form, wrong));
      String what = caseTask.task().getName();
      assertThat(refused.code()).as("%s: %s", what, refused.body()).isEqualTo(400);
      String message = refused.body().path("message").asText();
      String rest = message;
      for (String label : labels) {
        if (rest.contains("'" + label + "'")) {
          quoted++;
        }
        rest = rest.replace("'" + label + "'", "");
      }
      assertThat(rest).as("%s quotes only its form's labels: %s", what, message).doesNotContainPattern("'[A-Z][^']*'");
      runtime.deleteProcessInstance(instance, "test done");
    }
    assertThat(quoted).as("labels quoted in refusals").isGreaterThanOrEqualTo(40);
  }

  // --- free text stays out of the engine (data protection)

  @Test
  void noFreeTextOfAnyFormReachesTheEnginesTables() {
    // short enough for the shortest text field (a 40-character reference)
    String marker = "FREETEXT-" + java.util.UUID.randomUUID().toString().substring(0, 12);
    int typed = 0;
    for (CaseTask caseTask : userTasksOfTheCase()) {
      UserTask userTask = caseTask.task();
      String instance = api.post("police", "/api/calls", call()).body().path("processInstanceId").asText();
      Task task = startAt(instance, caseTask);
      JsonNode form = form(task.getId());
      Map<String, Object> values = new java.util.HashMap<>();
      for (JsonNode field : fieldsOf(form).values()) {
        String type = field.path("type").asText();
        if ((type.equals("textfield") || type.equals("textarea")) && !field.path("disabled").asBoolean()) {
          String text = marker + " " + field.path("key").asText();
          int max = field.path("validate").path("maxLength").asInt(4000);
          values.put(field.path("key").asText(), text.substring(0, Math.min(text.length(), max)));
          typed++;
        }
      }
      if (fieldsOf(form).containsKey("extensionDecision")) {
        values.put("extensionDecision", "REFUSE"); // this case's support never started
      }
      if (fieldsOf(form).containsKey("receivingServices")) {
        values.put("receivingServices", Map.of("value", "[\"EARLY_HELP\"]", "type", "Json"));
      }
      Api.Response done = api.post("mgr.preston", "/engine-rest/task/" + task.getId() + "/submit-form",
          FormFiller.submission(form, values));
      assertThat(done.code()).as("%s: %s", userTask.getName(), done.body()).isEqualTo(204);
    }
    // and the start form of an early closure request, as Tasklist submits it
    String caseRef = api.post("police", "/api/calls", call()).body().path("caseRef").asText();
    Api.Response requested = api.post("sw.preston1", "/engine-rest/process-definition/key/RequestCaseClosure/submit-form",
        Map.of("variables", Map.of("caseRef", Map.of("value", caseRef),
            "requestedClosureReason", Map.of("value", "MOVED_AWAY"),
            "closureRequestNote", Map.of("value", marker + " closureRequestNote"))));
    assertThat(requested.code()).as("%s", requested.body()).isEqualTo(200);
    assertThat(typed).as("free-text fields typed in").isGreaterThanOrEqualTo(20);

    assertThat(engineTablesHolding(marker)).as("engine tables holding free text").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ear_case_entry where details like ?", Integer.class, "%" + marker + "%"))
        .as("the case record keeps what the workers wrote").isGreaterThanOrEqualTo(21);
  }

  /** Every ACT_* table and column whose value (text or bytes) contains {@code text}. */
  private List<String> engineTablesHolding(String text) {
    assertThat(jdbc.queryForList(
        "select upper(table_name) from information_schema.tables where upper(table_name) like 'ACT\\_%' escape '\\'",
        String.class)).contains("ACT_HI_DETAIL", "ACT_HI_VARINST", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY");
    return uk.ear.caseservice.support.DatabaseScan.tablesHolding(jdbc, "ACT\\_%", text);
  }

  @Test
  void nobodyCommentsOnATaskSoNoCommentTextStaysInTheEngine() {
    String instance = api.post("police", "/api/calls", call()).body().path("processInstanceId").asText();
    String visit = taskOf(instance, "Task_RecordJointVisit").getId();
    for (String user : List.of("sw.preston1", "mgr.preston", "admin")) {
      Api.Response comment = api.post(user, "/engine-rest/task/" + visit + "/comment/create",
          Map.of("message", "COMMENT-MARKER a note about the family"));
      // Camunda's comment resource answers 400 to any refusal (a worker's: it cannot read the
      // task's history; the others': the service refuses the command)
      assertThat(comment.code()).as("%s: %s", user, comment.body()).isEqualTo(400);
    }
    WebappSession tasklist = WebappSession.login(port, "tasklist", "admin", "demo");
    assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + visit + "/comment/create",
        "{\"message\": \"COMMENT-MARKER\"}", "tasklist").statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_COMMENT where message_ like '%COMMENT-MARKER%'"
        + " or full_msg_ is not null and task_id_ = ?", Integer.class, visit)).isZero();
  }

  // --- work stays in the team

  @Test
  void aTeamTaskCannotBeGivenToAnotherTeam() {
    Api.Response created = api.post("police", "/api/calls", call());
    String visit = taskOf(created.body().path("processInstanceId").asText(), "Task_RecordJointVisit").getId();

    Api.Response assigned = api.post("mgr.preston", "/engine-rest/task/" + visit + "/assignee", Map.of("userId", "sw.burnley1"));
    assertThat(assigned.code()).isEqualTo(403);
    assertThat(assigned.body().path("message").asText()).contains("'sw.burnley1'");
    Api.Response claimedForStranger = api.post("sw.preston1", "/engine-rest/task/" + visit + "/claim", Map.of("userId", "sw.burnley1"));
    assertThat(claimedForStranger.code()).isEqualTo(403);
    Api.Response delegated = api.post("mgr.preston", "/engine-rest/task/" + visit + "/delegate", Map.of("userId", "edt.duty"));
    assertThat(delegated.code()).as("in office hours EDT is not offered the visit").isEqualTo(403);
    Api.Response offeredToBurnley = api.post("mgr.preston", "/engine-rest/task/" + visit + "/identity-links",
        Map.of("groupId", "ear-burnley", "type", "candidate"));
    assertThat(offeredToBurnley.code()).isEqualTo(403);
    // an owner may work the task too
    JsonNode current = api.get("mgr.preston", "/engine-rest/task/" + visit).body();
    Map<String, Object> owned = new java.util.HashMap<>();
    for (String property : List.of("name", "priority", "due")) {
      owned.put(property, current.path(property).isNumber() ? current.path(property).asInt() : current.path(property).asText());
    }
    owned.put("owner", "sw.burnley1");
    Api.Response ownedByStranger = api.call(org.springframework.http.HttpMethod.PUT, "mgr.preston", "/engine-rest/task/" + visit, owned);
    assertThat(ownedByStranger.code()).as("%s", ownedByStranger.body()).isEqualTo(403);
    Task unchanged = tasks.createTaskQuery().taskId(visit).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(unchanged.getOwner()).isNull();
    assertThat(tasks.getIdentityLinksForTask(visit)).noneMatch(link -> "ear-burnley".equals(link.getGroupId()));

    // within the team the manager allocates as before
    assertThat(api.post("mgr.preston", "/engine-rest/task/" + visit + "/assignee", Map.of("userId", "sw.preston2")).code()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(visit).singleResult().getAssignee()).isEqualTo("sw.preston2");
  }

  @Test
  void outOfHoursEdtMayTakeTheVisitOfferedToIt() {
    clockAt(fridayNight());
    Api.Response created = api.post("police", "/api/calls", with(call(), "reportedAt", OffsetDateTime.now(ENGINE).minusMinutes(5).withNano(0).toString()));
    String visit = taskOf(created.body().path("processInstanceId").asText(), "Task_RecordJointVisit").getId();

    assertThat(api.post("edt.duty", "/engine-rest/task/" + visit + "/claim", Map.of("userId", "edt.duty")).code()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(visit).singleResult().getAssignee()).isEqualTo("edt.duty");
  }

  // --- each technical account does one job, in the engine too (whatever the web layer lets by)

  @Test
  void theWorkersAccountWorksExternalTasksAndNothingElse() {
    Api.Response created = api.post("police", "/api/calls", call());
    String instance = created.body().path("processInstanceId").asText();
    runSavePoints(instance);
    identity.setAuthentication("workers", List.of("workers"));

    assertThatThrownBy(() -> runtime.createMessageCorrelation("CaseClosureRequested")
            .processInstanceId(instance).setVariable("requestedBy", "mgr.preston").correlate())
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.createProcessInstanceQuery().list()).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.getVariables(instance)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> management.createJobQuery().processInstanceId(instance).list()).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.createTaskQuery().list()).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> externalTasks.fetchAndLock(10, "w1").topic("another-topic", 60_000).execute())
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> externalTasks.createExternalTaskQuery().list())
        .as("only the tasks of its own worker id").isInstanceOf(AuthorizationException.class);

    List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "w1")
        .topic("ear-police-update", 60_000).businessKey(created.body().path("caseRef").asText()).execute();
    assertThat(locked).isNotEmpty();
    String id = locked.get(0).getId();
    assertThatThrownBy(() -> externalTasks.complete(id, "w1", Map.of("childInvolved", false)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(externalTasks.createExternalTaskQuery().workerId("w1").locked().list()).hasSize(locked.size());
    externalTasks.complete(id, "w1");
    identity.clearAuthentication();
    assertThat(runtime.getVariable(instance, "childInvolved")).isEqualTo(true);
  }

  @Test
  void theWorkersReadACaseOnlyUnderTheWorkerIdThatHoldsItsTask() {
    Api.Response created = api.post("police", "/api/calls", call());
    String caseRef = created.body().path("caseRef").asText();
    runSavePoints(created.body().path("processInstanceId").asText());
    identity.setAuthentication("workers", List.of("workers"));
    externalTasks.fetchAndLock(10, "w2").topic("ear-police-update", 60_000).businessKey(caseRef).execute();
    identity.clearAuthentication();

    assertThat(api.get("workers", "/api/cases/" + caseRef + "?workerId=w2").code()).isEqualTo(200);
    assertThat(api.get("workers", "/api/cases/" + caseRef + "?workerId=w3").code()).isEqualTo(404);
    // holding a police update gives no handover pack
    assertThat(api.get("workers", "/api/cases/" + caseRef + "/handover-pack?workerId=w2").code()).isEqualTo(404);
  }

  @Test
  void thePoliceIntegrationHasNoEngineAccess() {
    identity.setAuthentication("police", List.of("police-integration"));
    assertThatThrownBy(() -> repository.createProcessDefinitionQuery().list()).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.createTaskQuery().list()).isInstanceOf(AuthorizationException.class);
  }

  // --- EDT reads what it works on

  @Test
  void inOfficeHoursEdtIsRefusedACaseItHasNoTaskOn() {
    Api.Response created = api.post("police", "/api/calls", call());
    String caseRef = created.body().path("caseRef").asText();

    assertThat(api.get("edt.duty", "/api/cases/" + caseRef).code()).isEqualTo(404);
    assertThat(api.get("edt.duty", "/api/cases/" + caseRef + "/handover-pack").code()).isEqualTo(404);
    assertThat(api.get("sw.preston1", "/api/cases/" + caseRef).code()).isEqualTo(200);
  }

  @Test
  void edtReadsACaseWhileOfferedItsTaskAndForTwelveHoursAfterItsVisit() {
    ZonedDateTime friday = fridayNight();
    clockAt(friday);
    Api.Response created = api.post("police", "/api/calls", with(call(), "reportedAt", OffsetDateTime.now(ENGINE).minusMinutes(5).withNano(0).toString()));
    String caseRef = created.body().path("caseRef").asText();
    String instance = created.body().path("processInstanceId").asText();
    assertThat(api.get("edt.duty", "/api/cases/" + caseRef).code()).isEqualTo(200);
    assertThat(api.get("edt.duty", "/api/cases/" + caseRef + "/handover-pack").code()).isEqualTo(200);

    String visit = taskOf(instance, "Task_RecordJointVisit").getId();
    assertThat(api.post("edt.duty", "/engine-rest/task/" + visit + "/submit-form", FormFiller.submission(form(visit), Map.of())).code()).isEqualTo(204);
    clockAt(friday.plusHours(11).toInstant());
    assertThat(api.get("edt.duty", "/api/cases/" + caseRef + "/handover-pack").code()).isEqualTo(200);
    clockAt(friday.plusHours(13).toInstant());
    assertThat(api.get("edt.duty", "/api/cases/" + caseRef).code()).isEqualTo(404);
    assertThat(api.get("edt.duty", "/api/cases/" + caseRef + "/handover-pack").code()).isEqualTo(404);
  }

  // --- helpers

  private static ZonedDateTime fridayNight() {
    ZonedDateTime day = nextWorkingMorning().atZone(LONDON);
    while (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
      day = day.plusDays(1);
    }
    return day.withHour(22);
  }

  private static void clockAt(ZonedDateTime at) {
    clockAt(at.toInstant());
  }

  /** Runs the instance's due jobs (the save points before the police updates) as the executor would. */
  private void runSavePoints(String instance) {
    management.createJobQuery().processInstanceId(instance).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  /** The case's own process and those it calls. */
  static final List<String> CASE_PROCESSES = uk.ear.caseservice.process.CaseProcess.CASE_PROCESSES;

  private ProcessDefinition latest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  /** A user task and the process it belongs to. */
  record CaseTask(String process, UserTask task) {}

  private List<CaseTask> userTasksOfTheCase() {
    List<CaseTask> all = new ArrayList<>();
    CASE_PROCESSES.forEach(key ->
        repository.getBpmnModelInstance(latest(key).getId()).getModelElementsByType(UserTask.class)
            .forEach(task -> all.add(new CaseTask(key, task))));
    return all;
  }

  /**
   * A task of {@code userTask}'s kind on the case, with what the steps before it would have set.
   * A task of a called process is reached through its call activity, as the case reaches it.
   */
  private Task startAt(String caseInstance, CaseTask caseTask) {
    String key = caseTask.process();
    UserTask userTask = caseTask.task();
    String instance = caseInstance;
    if (uk.ear.caseservice.activity.ActivityKind.processKeys().contains(key)) {
      // an activity of the case, as its call activity starts it, at the task under test
      String caseRef = runtime.createProcessInstanceQuery().processInstanceId(caseInstance).singleResult().getBusinessKey();
      Map<String, Object> passed = new java.util.HashMap<>();
      for (String name : List.of("caseRef", "team", "teamGroup", "priority")) {
        passed.put(name, runtime.getVariable(caseInstance, name));
      }
      passed.put("allocatedWorker", "sw.preston1");
      passed.put("activityDueAt", new Date());
      passed.put("liaisonGroup", "ear-preston");
      instance = runtime.createProcessInstanceByKey(key).businessKey(caseRef).setVariables(passed)
          .startBeforeActivity(userTask.getId()).execute().getId();
      return taskOf(instance, userTask.getId());
    }
    if (!key.equals("EarlyActionCase")) {
      String callActivity = key.equals("IntensiveSupport") ? "CallActivity_ProvideIntensiveSupport" : "CallActivity_HandOverToCoreServices";
      runtime.createProcessInstanceModification(caseInstance).startBeforeActivity(callActivity).execute();
      instance = runtime.createProcessInstanceQuery().superProcessInstanceId(caseInstance).processDefinitionKey(key)
          .singleResult().getId();
    }
    runtime.createProcessInstanceModification(instance)
        .startBeforeActivity(userTask.getId())
        .setVariable("receivingService", "EARLY_HELP")
        .setVariable("receivingServices", new ArrayList<>(List.of("EARLY_HELP")))
        // what "Start intensive support" would have set
        .setVariable("supportEndsAt", new Date())
        .setVariable("supportReviewAt", new Date())
        .setVariable("supportExtended", false)
        // no review before the end yet: the weekly reviews go on; an extension asked for
        .setVariable("supportReviewOutcome", "HANDOVER")
        .setVariable("extensionWeeks", 2)
        // what an early-closure request would have brought
        .setVariable("requestedClosureReason", "MOVED_AWAY")
        .setVariable("requestedBy", "sw.preston1")
        // what the repeat-incident message would have brought
        .setVariable("repeatIncidentRef", uniqueRef())
        .setVariable("repeatResponseDueAt", new Date())
        .setVariable("repeatPriority", 50)
        .execute();
    return taskOf(instance, userTask.getId());
  }

  private Task taskOf(String instance, String activityId) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activityId).list();
    assertThat(found).as("task %s of %s", activityId, instance).isNotEmpty();
    return found.get(0);
  }

  private JsonNode form(String taskId) {
    return api.get("admin", "/engine-rest/task/" + taskId + "/deployed-form").body();
  }

  private static Map<String, JsonNode> fieldsOf(JsonNode form) {
    Map<String, JsonNode> fields = new java.util.HashMap<>();
    form.path("components").forEach(c -> {
      if (c.hasNonNull("key")) {
        fields.put(c.path("key").asText(), c);
      }
    });
    return fields;
  }

  /** Every variable named in the model's expressions, and those the Java side reads. */
  private Set<String> variablesReadBy(ProcessDefinition definition) {
    String xml;
    try (var model = repository.getProcessModel(definition.getId())) {
      xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Set<String> names = new TreeSet<>(READ_BY_JAVA);
    Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
    while (expression.find()) {
      String code = expression.group(1).replaceAll("'[^']*'", "");
      Matcher name = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?![\\w(.])").matcher(code);
      while (name.find()) {
        if (!NOT_VARIABLES.contains(name.group(1))) {
          names.add(name.group(1));
        }
      }
    }
    names.removeIf(n -> n.endsWith("FormListener") || n.endsWith("Delegate"));
    return names;
  }

  /** A value unlike the current one, of the kind a client would forge. */
  private static Object forgedValue(Object current) {
    if (current instanceof Boolean b) {
      return !b;
    }
    if (current instanceof Date || current instanceof Number) {
      return Map.of("value", 99_999, "type", "Integer");
    }
    return "FORGED";
  }
}
