package uk.ear.caseservice.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.intake.CallRequest;
import uk.ear.caseservice.intake.IntakeService;
import uk.ear.caseservice.policy.EngineClock;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.Teams;

/**
 * A month of demand, simulated through the real intake and the real processes with the engine's
 * clock moved event by event (nothing waits for real time): the police send calls shaped like the
 * pilot's; simulated staff pick up each task as it appears and do it a while later (the joint
 * visit in time or late, by grade), filling its deployed form as Tasklist would; the job executor's
 * work (timers, escalations) runs when due; simulated workers complete the external tasks.
 *
 * <p>Events at the same instant run calls and staff first, then due jobs, so a visit recorded
 * exactly at the end of its window beats the window's timer, as the case record counts it.
 */
@Component
public class DemandSimulator {

  private static final Logger log = LoggerFactory.getLogger(DemandSimulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKER_ID = "simulated-workers";

  /**
   * @param callsPerDay county-wide; the pilot's 134 by default
   * @param staffPerTeam simulated workers added to each team (sim.preston.1 …), besides its members
   * @param seed the same seed gives the same month
   */
  public record Settings(double callsPerDay, double repeatShare, int staffPerTeam, long seed) {
    public static Settings pilot() {
      return new Settings(134, 0.08, 6, 2013);
    }
  }

  /** What the month did. */
  public record Result(
      Instant start,
      Instant end,
      int calls,
      int callsRefused,
      Map<String, Integer> visits,
      Map<String, Integer> tasksCompleted,
      Map<String, Integer> tasksLeftUndone,
      int jobsRun,
      int externalTasks,
      Duration took) {}

  private final IntakeService intake;
  private final CaseRepository cases;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final EarProperties properties;

  public DemandSimulator(
      IntakeService intake,
      CaseRepository cases,
      TaskService tasks,
      FormService forms,
      IdentityService identity,
      ManagementService management,
      ExternalTaskService externalTasks,
      EarProperties properties) {
    this.intake = intake;
    this.cases = cases;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.management = management;
    this.externalTasks = externalTasks;
    this.properties = properties;
  }

  /** Somebody will do this task then. */
  private record Work(Instant at, String taskId) {}

  /** Simulates {@code [start, end)}; the engine's clock is left at {@code end}. */
  public Result simulate(Instant start, Instant end, Settings settings) {
    long began = System.nanoTime();
    SplittableRandom random = new SplittableRandom(settings.seed());
    addStaff(settings.staffPerTeam());
    List<DemandShape.Call> calls =
        DemandShape.calls(start, end, settings.callsPerDay(), settings.repeatShare(), properties.zone(), random);
    PriorityQueue<Work> agenda = new PriorityQueue<>(java.util.Comparator.comparing(Work::at).thenComparing(Work::taskId));
    java.util.Set<String> planned = new java.util.HashSet<>();
    Map<String, Integer> visits = new TreeMap<>();
    Map<String, Integer> completed = new TreeMap<>();
    Map<String, Integer> undone = new TreeMap<>();
    int refused = 0;
    int jobs = 0;
    int external = 0;
    int next = 0;
    Instant now = start;
    setClock(now);
    while (true) {
      Instant nextCall = next < calls.size() ? sentAt(calls.get(next)) : null;
      Instant nextWork = agenda.isEmpty() ? null : agenda.peek().at();
      Instant nextJob = nextTimer(now);
      Instant at = earliest(earliest(nextCall, nextWork), nextJob);
      if (at == null || !at.isBefore(end)) {
        break;
      }
      now = at.isAfter(now) ? at : now;
      setClock(now);
      while (next < calls.size() && !sentAt(calls.get(next)).isAfter(now)) {
        if (!send(calls.get(next++), next)) {
          refused++;
        }
      }
      while (!agenda.isEmpty() && !agenda.peek().at().isAfter(now)) {
        Work work = agenda.poll();
        String done = work(work.taskId(), now, random, visits);
        if (done != null) {
          (done.startsWith("!") ? undone : completed).merge(done.replace("!", ""), 1, Integer::sum);
        }
      }
      jobs += runDueJobs();
      external += completeExternalTasks();
      // the tasks this instant created (not those of a later, real-time "now", e.g. demo cases)
      for (Task task :
          tasks.createTaskQuery()
              .taskCreatedAfter(Date.from(now.minusMillis(1)))
              .taskCreatedBefore(Date.from(now.plusMillis(1)))
              .list()) {
        if (planned.add(task.getId())) {
          agenda.add(new Work(plan(task, now, random), task.getId()));
        }
      }
    }
    setClock(end);
    jobs += runDueJobs();
    external += completeExternalTasks();
    Result result =
        new Result(start, end, calls.size(), refused, visits, completed, undone, jobs, external,
            Duration.ofNanos(System.nanoTime() - began));
    log.info("simulated {} to {}: {} calls, visits {}, {} jobs, {} external tasks, tasks left undone {}, in {} s",
        start, end, result.calls(), visits, jobs, external, undone, result.took().toSeconds());
    return result;
  }

  // ---- the police ----------------------------------------------------------------------------

  /** The police send a call a few minutes after they log it. */
  private static Instant sentAt(DemandShape.Call call) {
    return call.reportedAt().plus(2 + Math.floorMod(call.reportedAt().getEpochSecond() / 60, 7), ChronoUnit.MINUTES);
  }

  private boolean send(DemandShape.Call call, int number) {
    CallRequest request =
        new CallRequest(
            "SIM-" + call.reportedAt().atZone(properties.zone()).toLocalDate().toString().replace("-", "")
                + "-" + Integer.toString(call.reportedAt().hashCode() & 0xffff, 36).toUpperCase() + "-" + number,
            call.reportedAt().atZone(properties.zone()).toOffsetDateTime(),
            call.grade(),
            call.category(),
            call.district(),
            "Simulated address, " + call.district().name().charAt(0) + call.district().name().substring(1).toLowerCase(),
            List.of(new CallRequest.Person(call.person().name(), call.person().dateOfBirth(), call.person().role())),
            "Simulated call: " + call.category().name().toLowerCase().replace('_', ' ') + ".",
            new CallRequest.Officer("PC" + (1000 + number % 9000), "PC Simulated"));
    try {
      intake.receive(request, "police");
      return true;
    } catch (RuntimeException refused) {
      log.warn("simulated call {} refused: {}", request.incidentRef(), refused.getMessage());
      return false;
    }
  }

  // ---- the staff -----------------------------------------------------------------------------

  /**
   * When the task will be done. The joint visit: grades 1 and 2 within the hour 88 % of the
   * time (else 61-180 minutes after the police logged the call), grade 3 within 48 hours 93 % of
   * the time (else 49-72 hours); a manager's review within 30 minutes to 6 hours; other work
   * before its due date 90 % of the time (else up to two days after), in the day, not at night.
   */
  private Instant plan(Task task, Instant now, SplittableRandom random) {
    String key = task.getTaskDefinitionKey();
    if ("Task_RecordJointVisit".equals(key)) {
      CaseRecord c = caseOf(task);
      if (c != null && c.getGrade() != null) {
        boolean urgent = c.getGrade() <= 2;
        boolean inTime = random.nextDouble() < (urgent ? 0.88 : 0.93);
        long minutes =
            urgent
                ? (inTime ? 20 + random.nextInt(41) : 61 + random.nextInt(120))
                : (inTime ? 120 + random.nextInt(46 * 60 + 1) : 49 * 60 + random.nextInt(23 * 60 + 1));
        Instant at = c.getReportedAt().plus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        return at.isBefore(now) ? now : at;
      }
    }
    if (isManagers(task)) {
      return now.plus(30 + random.nextInt(330), ChronoUnit.MINUTES);
    }
    Instant due = task.getDueDate() == null ? now.plus(3, ChronoUnit.DAYS) : task.getDueDate().toInstant();
    long window = Math.max(60, Duration.between(now, due).toMinutes());
    Instant at =
        random.nextDouble() < 0.9
            ? now.plus(Math.min(window - 1, 30 + random.nextLong(window)), ChronoUnit.MINUTES)
            : due.plus(1 + random.nextInt(2 * 24 * 60), ChronoUnit.MINUTES);
    ZonedDateTime local = at.atZone(properties.zone());
    if (local.getHour() < 8 || local.getHour() >= 22) {
      // nobody writes up an assessment at 3 in the morning: first thing instead
      ZonedDateTime morning = local.getHour() >= 22 ? local.plusDays(1) : local;
      at = morning.withHour(9).withMinute(random.nextInt(60)).toInstant();
    }
    return at.isBefore(now) ? now : at;
  }

  /**
   * Does the task, if it is still there, as one of its candidates, filling its deployed form:
   * random choices first, then each first option (what the end-to-end tests submit). Returns the
   * task's key, "!key" if the form was refused both times (the task stays open), or null.
   */
  private String work(String taskId, Instant now, SplittableRandom random, Map<String, Integer> visits) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return null;
    }
    String user = whoDoes(task, random);
    if (user == null) {
      return "!" + task.getTaskDefinitionKey();
    }
    JsonNode form = form(taskId);
    LocalDateTime local = LocalDateTime.ofInstant(now, properties.zone());
    CaseRecord visited = "Task_RecordJointVisit".equals(task.getTaskDefinitionKey()) ? caseOf(task) : null;
    for (SplittableRandom choices : new SplittableRandom[] {random, null}) {
      Map<String, Object> values = form == null ? Map.of() : SimulatedForm.values(form, local, choices);
      if (visited != null) {
        values = new HashMap<>(values);
        values.put("personSeen", true);
        values.remove("returnedAt");
      }
      identity.setAuthentication(user, groupsOf(user));
      try {
        tasks.complete(taskId, values);
        if (visited != null && visited.getResponseDueAt() != null) {
          visits.merge("grade " + visited.getGrade() + (now.isAfter(visited.getResponseDueAt()) ? " late" : " in time"), 1, Integer::sum);
        }
        return task.getTaskDefinitionKey();
      } catch (RuntimeException refused) {
        log.debug("simulated {} could not complete {}: {}", user, task.getTaskDefinitionKey(), refused.getMessage());
      } finally {
        identity.clearAuthentication();
      }
    }
    return "!" + task.getTaskDefinitionKey();
  }

  private JsonNode form(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return JSON.readTree(in);
    } catch (IOException | RuntimeException noForm) {
      return null;
    }
  }

  /** The assignee, else a candidate user, else a member of a candidate group. */
  private String whoDoes(Task task, SplittableRandom random) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    List<String> candidates = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          candidates.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    if (!candidates.isEmpty()) {
      return candidates.get(random.nextInt(candidates.size()));
    }
    for (String group : groups) {
      List<String> members = membersOf(group);
      if (!members.isEmpty()) {
        return members.get(random.nextInt(members.size()));
      }
    }
    return null;
  }

  /** A manager's task: offered to the managers' group, or to people who are managers. */
  private boolean isManagers(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
            && (Teams.MANAGERS_GROUP.equals(l.getGroupId())
                || l.getUserId() != null && groupsOf(l.getUserId()).contains(Teams.MANAGERS_GROUP)));
  }

  private CaseRecord caseOf(Task task) {
    Object ref = tasks.getVariable(task.getId(), "caseRef");
    return ref == null ? null : cases.findByCaseRef(ref.toString()).orElse(null);
  }

  private final Map<String, List<String>> members = new HashMap<>();
  private final Map<String, List<String>> groups = new HashMap<>();

  private List<String> membersOf(String group) {
    // a team's work goes to its workers, not to its managers (who are members of the team too)
    return members.computeIfAbsent(group, g -> {
      List<String> managers = Teams.MANAGERS_GROUP.equals(g) ? List.of()
          : identity.createUserQuery().memberOfGroup(Teams.MANAGERS_GROUP).list().stream().map(User::getId).toList();
      return identity.createUserQuery().memberOfGroup(g).list().stream()
          .map(User::getId).filter(id -> !"admin".equals(id) && !managers.contains(id)).sorted().toList();
    });
  }

  private List<String> groupsOf(String user) {
    return groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
  }

  /** Simulated workers of each team, with synthetic names and a password nobody knows. */
  private void addStaff(int perTeam) {
    for (String team : properties.teams()) {
      String group = Teams.groupOf(team);
      for (int i = 1; i <= perTeam; i++) {
        String id = "sim." + team.toLowerCase() + "." + i;
        if (identity.createUserQuery().userId(id).count() == 0) {
          User user = identity.newUser(id);
          user.setFirstName(DemandShape.FIRST_NAMES[(i * 7 + team.length()) % DemandShape.FIRST_NAMES.length]);
          user.setLastName(DemandShape.SURNAMES[(i * 3 + team.length()) % DemandShape.SURNAMES.length] + " (simulated)");
          // the password policy: long, with upper and lower case, a digit and a symbol
          user.setPassword("Sim!" + java.util.UUID.randomUUID() + "Z9" + java.util.UUID.randomUUID());
          identity.saveUser(user);
          identity.createMembership(id, group);
        }
      }
    }
    members.clear();
    groups.clear();
  }

  // ---- the job executor and the workers --------------------------------------------------------

  private Instant nextTimer(Instant now) {
    List<Job> next =
        management.createJobQuery().timers().duedateHigherThan(Date.from(now)).orderByJobDuedate().asc().listPage(0, 1);
    return next.isEmpty() ? null : next.get(0).getDuedate().toInstant();
  }

  /** Runs every job due now, as the job executor would, until none is left. */
  private int runDueJobs() {
    int run = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().listPage(0, 200);
      if (due.isEmpty()) {
        return run;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          run++;
        } catch (RuntimeException failed) {
          // the engine counts the retry down, and raises an incident at zero, as in production
          log.debug("simulated job {} failed: {}", job.getId(), failed.getMessage());
        }
      }
    }
    return run;
  }

  /** The email, police and handover workers' topics, each task done. */
  private int completeExternalTasks() {
    int done = 0;
    List<String> topics = externalTasks.createExternalTaskQuery().notLocked().active().list().stream()
        .map(t -> t.getTopicName()).distinct().toList();
    if (topics.isEmpty()) {
      return 0;
    }
    var fetch = externalTasks.fetchAndLock(500, WORKER_ID);
    topics.forEach(topic -> fetch.topic(topic, 60_000));
    for (LockedExternalTask task : fetch.execute()) {
      externalTasks.complete(task.getId(), WORKER_ID);
      done++;
    }
    return done;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static void setClock(Instant at) {
    EngineClock.set(at);
  }
}
