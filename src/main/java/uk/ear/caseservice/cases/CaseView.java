package uk.ear.caseservice.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;

/** A case as the API shows it; times in Europe/London with their offset. */
public record CaseView(
    String caseRef,
    List<String> incidentRefs,
    Stage stage,
    String team,
    Integer grade,
    Category category,
    District district,
    Route route,
    int priority,
    OffsetDateTime reportedAt,
    OffsetDateTime responseDueAt,
    OffsetDateTime visitedAt,
    Boolean respondedInTime,
    OffsetDateTime responseMissedAt,
    String allocatedWorker,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt,
    String closureReason,
    List<ActivityView> activities) {

  /** One of the teams' activities on the case (a return home interview, a DASH checklist, ...). */
  public record ActivityView(
      String kind, String status, OffsetDateTime dueAt, OffsetDateTime endedAt, String outcome, Integer score) {}

  /** The same case with its activities. */
  public CaseView withActivities(List<ActivityView> activities) {
    return new CaseView(
        caseRef, incidentRefs, stage, team, grade, category, district, route, priority, reportedAt,
        responseDueAt, visitedAt, respondedInTime, responseMissedAt, allocatedWorker, openedAt,
        closedAt, closureReason, List.copyOf(activities));
  }

  public static CaseView of(CaseRecord c, ZoneId zone) {
    return new CaseView(
        c.getCaseRef(),
        c.getIncidents().stream().map(Incident::getIncidentRef).toList(),
        c.getStage(),
        c.getTeam(),
        c.getGrade(),
        c.getCategory(),
        c.getDistrict(),
        c.getRoute(),
        c.getPriority(),
        at(c.getReportedAt(), zone),
        at(c.getResponseDueAt(), zone),
        at(c.getVisitedAt(), zone),
        c.getRespondedInTime(),
        at(c.getResponseMissedAt(), zone),
        c.getAllocatedWorker(),
        at(c.getOpenedAt(), zone),
        at(c.getClosedAt(), zone),
        c.getClosureReason(),
        List.of());
  }

  /** An instant as the service shows it: in its time zone, with the offset; null stays null. */
  public static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
