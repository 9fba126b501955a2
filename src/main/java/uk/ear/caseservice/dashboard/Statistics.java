package uk.ear.caseservice.dashboard;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Stage;
import uk.ear.caseservice.metrics.EscalationTasks;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.TeamScope;

/**
 * The figures of the managers' dashboard, each for a date range and the teams a caller may see.
 * Calls and response windows are counted by when the police logged the call; the snapshot figures
 * (open cases, caseloads) are of the cases opened in the range that are open now. Times of day
 * and weeks (Monday to Sunday) are London's.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

  /** A call no team took (its district has no EAR team): only in admin's all-teams figures. */
  static final String NO_TEAM = "NONE";

  private final EntityManager entities;
  private final CaseRepository cases;
  private final HistoryService history;
  private final IdentityService identity;
  private final EscalationTasks escalationTasks;
  private final Clock clock;
  private final EarProperties properties;

  public Statistics(
      EntityManager entities,
      CaseRepository cases,
      HistoryService history,
      IdentityService identity,
      EscalationTasks escalationTasks,
      Clock clock,
      EarProperties properties) {
    this.entities = entities;
    this.cases = cases;
    this.history = history;
    this.identity = identity;
    this.escalationTasks = escalationTasks;
    this.clock = clock;
    this.properties = properties;
  }

  // ---- calls by hour of day and day of week -------------------------------------------------

  /** One cell of the heat map: calls logged on that weekday (1 Monday … 7 Sunday) in that hour. */
  public record HeatCell(int day, int hour, long calls) {}

  public record CallsByHour(LocalDate from, LocalDate to, long total, List<HeatCell> cells) {}

  public CallsByHour callsByHour(TeamScope scope, StatsRange range) {
    long[][] counts = new long[7][24];
    long total = 0;
    for (Object[] row : callRows(scope, range)) {
      ZonedDateTime at = ((Instant) row[0]).atZone(properties.zone());
      counts[at.getDayOfWeek().getValue() - 1][at.getHour()]++;
      total++;
    }
    List<HeatCell> cells = new ArrayList<>(7 * 24);
    for (int day = 0; day < 7; day++) {
      for (int hour = 0; hour < 24; hour++) {
        cells.add(new HeatCell(day + 1, hour, counts[day][hour]));
      }
    }
    return new CallsByHour(range.from(), range.to(), total, cells);
  }

  // ---- calls and open cases by district and team --------------------------------------------

  public record DistrictFigures(String district, String team, long calls, long openCases) {}

  public record ByDistrict(LocalDate from, LocalDate to, List<DistrictFigures> districts) {}

  public ByDistrict byDistrict(TeamScope scope, StatsRange range) {
    Map<List<String>, long[]> figures = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    for (Object[] row : callRows(scope, range)) {
      figures.computeIfAbsent(List.of(row[1].toString(), teamOrNone(row[2])), k -> new long[2])[0]++;
    }
    for (CaseRecord c : openCases(scope, range)) {
      figures.computeIfAbsent(List.of(c.getDistrict().name(), teamOrNone(c.getTeam())), k -> new long[2])[1]++;
    }
    return new ByDistrict(
        range.from(),
        range.to(),
        figures.entrySet().stream()
            .map(e -> new DistrictFigures(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
            .toList());
  }

  // ---- response windows -----------------------------------------------------------------------

  /**
   * One week's response windows of one grade and team: met (visited by the end of the window),
   * missed (visited after it, or not visited when it ended), still open; and the median and 90th
   * percentile of minutes from the police logging the call to the visit.
   */
  public record WindowFigures(
      LocalDate weekStarting,
      int grade,
      String team,
      long met,
      long missed,
      long open,
      Double percentMet,
      Long medianMinutesToVisit,
      Long p90MinutesToVisit) {}

  public record Compliance(
      LocalDate from, LocalDate to, long met, long missed, Double percentMet, List<WindowFigures> weeks) {}

  public Compliance compliance(TeamScope scope, StatsRange range) {
    Instant now = clock.instant();
    List<Object[]> rows =
        scoped(
            """
                select c.reportedAt, c.grade, c.team, c.responseDueAt, c.visitedAt, c.closedAt,
                       c.respondedInTime
                from CaseRecord c
                where c.route = uk.ear.caseservice.cases.Route.JOINT_VISIT
                  and c.responseDueAt is not null and c.grade is not null
                  and c.reportedAt >= :start and c.reportedAt < :end
                  and (:all = true or c.team in :teams)
                """,
            Object[].class, scope, range);
    record Key(LocalDate week, int grade, String team) {}
    Map<Key, List<Object[]>> groups = new TreeMap<>(
        Comparator.comparing(Key::week).thenComparing(Key::grade).thenComparing(Key::team));
    for (Object[] row : rows) {
      LocalDate week = ((Instant) row[0]).atZone(properties.zone()).toLocalDate()
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      groups.computeIfAbsent(new Key(week, (Integer) row[1], teamOrNone(row[2])), k -> new ArrayList<>()).add(row);
    }
    List<WindowFigures> weeks = new ArrayList<>();
    long allMet = 0;
    long allMissed = 0;
    for (var group : groups.entrySet()) {
      long met = 0;
      long missed = 0;
      long open = 0;
      List<Long> minutes = new ArrayList<>();
      for (Object[] row : group.getValue()) {
        Window window = Window.of((Boolean) row[6], (Instant) row[3], (Instant) row[5], now);
        switch (window) {
          case MET -> met++;
          case MISSED -> missed++;
          case OPEN -> open++;
          case NOT_NEEDED -> {}
        }
        if (row[4] != null) {
          minutes.add(Duration.between((Instant) row[0], (Instant) row[4]).toMinutes());
        }
      }
      minutes.sort(null);
      allMet += met;
      allMissed += missed;
      Key key = group.getKey();
      weeks.add(
          new WindowFigures(
              key.week(), key.grade(), key.team(), met, missed, open, percent(met, missed),
              Percentiles.of(minutes, 50), Percentiles.of(minutes, 90)));
    }
    return new Compliance(range.from(), range.to(), allMet, allMissed, percent(allMet, allMissed), weeks);
  }

  /** How a case's response window ended (or not yet). */
  enum Window {
    MET,
    MISSED,
    OPEN,
    /** Closed before its window ended, with no visit (e.g. the call was withdrawn). */
    NOT_NEEDED;

    /**
     * {@code respondedInTime} is the case record's own judgement (set by the visit, or when the
     * window's timer fired); until either happens, a window whose end has passed is missed.
     */
    static Window of(Boolean respondedInTime, Instant dueAt, Instant closedAt, Instant now) {
      if (respondedInTime != null) {
        return respondedInTime ? MET : MISSED;
      }
      if (closedAt != null && !closedAt.isAfter(dueAt)) {
        return NOT_NEEDED;
      }
      return now.isAfter(dueAt) ? MISSED : OPEN;
    }
  }

  private static Double percent(long met, long missed) {
    return met + missed == 0 ? null : Math.round(1000.0 * met / (met + missed)) / 10.0;
  }

  // ---- open cases by stage, those past a deadline ----------------------------------------------

  public record StageFigures(String stage, long open, long overdue) {}

  /** A case past a deadline, for the manager to open. */
  public record OverdueCase(String caseRef, String stage, String team, String allocatedWorker, Instant responseDueAt, String link) {}

  public record OpenCases(LocalDate from, LocalDate to, List<StageFigures> stages, List<OverdueCase> overdue) {}

  public OpenCases openCasesByStage(TeamScope scope, StatsRange range) {
    Map<Stage, long[]> byStage = new java.util.EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      if (stage.isOpen()) {
        byStage.put(stage, new long[2]);
      }
    }
    for (CaseRecord c : openCases(scope, range)) {
      byStage.get(c.getStage())[0]++;
    }
    List<OverdueCase> overdue = new ArrayList<>();
    for (CaseRecord c : overdueCases(scope, range)) {
      byStage.get(c.getStage())[1]++;
      overdue.add(
          new OverdueCase(
              c.getCaseRef(), c.getStage().name(), c.getTeam(), c.getAllocatedWorker(), c.getResponseDueAt(),
              "/cases/" + c.getCaseRef()));
    }
    return new OpenCases(
        range.from(),
        range.to(),
        byStage.entrySet().stream().map(e -> new StageFigures(e.getKey().name(), e.getValue()[0], e.getValue()[1])).toList(),
        overdue);
  }

  // ---- caseload per worker --------------------------------------------------------------------

  public record Caseload(String worker, String name, String team, long open, long overdue) {}

  public record Caseloads(LocalDate from, LocalDate to, List<Caseload> workers) {}

  public Caseloads caseloads(TeamScope scope, StatsRange range) {
    Map<List<String>, long[]> byWorker = new HashMap<>();
    // by worker ("" for none) and team
    Function<CaseRecord, List<String>> key =
        c -> List.of(Objects.requireNonNullElse(c.getAllocatedWorker(), ""), teamOrNone(c.getTeam()));
    for (CaseRecord c : openCases(scope, range)) {
      byWorker.computeIfAbsent(key.apply(c), k -> new long[2])[0]++;
    }
    for (CaseRecord c : overdueCases(scope, range)) {
      byWorker.computeIfAbsent(key.apply(c), k -> new long[2])[1]++;
    }
    Map<String, String> names = namesOf(byWorker.keySet().stream().map(k -> k.get(0)).filter(w -> !w.isEmpty()).toList());
    return new Caseloads(
        range.from(),
        range.to(),
        byWorker.entrySet().stream()
            .map(e -> {
              String worker = e.getKey().get(0);
              return new Caseload(
                  worker.isEmpty() ? null : worker,
                  worker.isEmpty() ? "Not allocated" : names.getOrDefault(worker, worker),
                  e.getKey().get(1), e.getValue()[0], e.getValue()[1]);
            })
            .sorted(Comparator.comparing(Caseload::open).reversed().thenComparing(Caseload::name))
            .toList());
  }

  private Map<String, String> namesOf(List<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(User::getId, u -> (Objects.toString(u.getFirstName(), "") + " " + Objects.toString(u.getLastName(), "")).trim()));
  }

  // ---- escalations and worker incidents -------------------------------------------------------

  public record Count(String kind, String team, long count) {}

  public record Escalations(LocalDate from, LocalDate to, long escalations, long incidents, List<Count> byKind, List<Count> incidentsByActivity) {}

  /**
   * Escalations to managers (each "Review overdue …", "Review missed response", "Chase handover"
   * task created) and incidents of the engine (e.g. an external task out of retries: a worker
   * could not send an email or reach the police) in the range, by kind and team.
   */
  public Escalations escalations(TeamScope scope, StatsRange range) {
    List<String> keys = escalationTasks.keys();
    List<HistoricTaskInstance> tasks =
        keys.isEmpty()
            ? List.of()
            : history.createHistoricTaskInstanceQuery()
                .taskDefinitionKeyIn(keys.toArray(String[]::new))
                .startedAfter(java.util.Date.from(range.start().minusMillis(1)))
                .startedBefore(java.util.Date.from(range.end()))
                .list();
    List<HistoricIncident> incidents =
        history.createHistoricIncidentQuery()
            .createTimeAfter(java.util.Date.from(range.start().minusMillis(1)))
            .createTimeBefore(java.util.Date.from(range.end()))
            .list();
    Map<String, String> teams =
        teamsOfInstances(
            java.util.stream.Stream.concat(
                    tasks.stream().map(HistoricTaskInstance::getRootProcessInstanceId),
                    incidents.stream().map(HistoricIncident::getRootProcessInstanceId))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    List<Count> byKind = count(tasks, t -> t.getTaskDefinitionKey().substring("Task_".length()), t -> teams.get(t.getRootProcessInstanceId()), scope);
    List<Count> byActivity = count(incidents, HistoricIncident::getActivityId, i -> teams.get(i.getRootProcessInstanceId()), scope);
    return new Escalations(
        range.from(), range.to(),
        byKind.stream().mapToLong(Count::count).sum(),
        byActivity.stream().mapToLong(Count::count).sum(),
        byKind, byActivity);
  }

  private static <T> List<Count> count(List<T> items, Function<T, String> kind, Function<T, String> team, TeamScope scope) {
    Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    for (T item : items) {
      String itsTeam = team.apply(item);
      if (scope.includes(itsTeam)) {
        counts.merge(List.of(Objects.toString(kind.apply(item), "?"), teamOrNone(itsTeam)), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream().map(e -> new Count(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
  }

  /** The team of each case whose own process instance is one of {@code instanceIds}. */
  private Map<String, String> teamsOfInstances(List<String> instanceIds) {
    Map<String, String> teams = new HashMap<>();
    for (int i = 0; i < instanceIds.size(); i += 500) {
      for (Object[] row :
          entities
              .createQuery(
                  "select c.processInstanceId, c.team from CaseRecord c where c.processInstanceId in :ids",
                  Object[].class)
              .setParameter("ids", instanceIds.subList(i, Math.min(instanceIds.size(), i + 500)))
              .getResultList()) {
        if (row[1] != null) {
          teams.put((String) row[0], (String) row[1]);
        }
      }
    }
    return teams;
  }

  // ---- shared -------------------------------------------------------------------------------

  /** When, where and for which team each call in the range was logged. */
  private List<Object[]> callRows(TeamScope scope, StatsRange range) {
    return scoped(
            """
            select i.reportedAt, i.district, c.team from Incident i join i.caseRecord c
            where i.reportedAt >= :start and i.reportedAt < :end
              and (:all = true or c.team in :teams)
            """,
            Object[].class, scope, range);
  }

  private List<CaseRecord> openCases(TeamScope scope, StatsRange range) {
    return scoped(
            """
            select c from CaseRecord c
            where c.stage not in (uk.ear.caseservice.cases.Stage.CLOSED, uk.ear.caseservice.cases.Stage.REFERRED_OUT)
              and c.openedAt >= :start and c.openedAt < :end
              and (:all = true or c.team in :teams)
            """,
            CaseRecord.class, scope, range);
  }

  /**
   * Open cases opened in the range and past a deadline, as the case list's {@code overdue=true}
   * finds them.
   */
  private List<CaseRecord> overdueCases(TeamScope scope, StatsRange range) {
    return cases.list(scope.all(), scope.teamsOrNone(), null, null, true, clock.instant(), PageRequest.of(0, 2000))
        .getContent().stream()
        .filter(c -> range.contains(c.getOpenedAt()) && c.getStage().isOpen())
        .toList();
  }

  /** {@code jpql}'s rows in the range ({@code :start}, {@code :end}) and the scope ({@code :all}, {@code :teams}). */
  private <T> List<T> scoped(String jpql, Class<T> type, TeamScope scope, StatsRange range) {
    return entities
        .createQuery(jpql, type)
        .setParameter("start", range.start())
        .setParameter("end", range.end())
        .setParameter("all", scope.all())
        .setParameter("teams", scope.teamsOrNone())
        .getResultList();
  }

  private static String teamOrNone(Object team) {
    return team == null ? NO_TEAM : team.toString();
  }
}
