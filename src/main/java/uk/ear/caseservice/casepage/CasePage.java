package uk.ear.caseservice.casepage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.ear.caseservice.activity.CaseActivity;
import uk.ear.caseservice.cases.Admission;
import uk.ear.caseservice.cases.CaseAudit;
import uk.ear.caseservice.cases.CaseEntry;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.Incident;
import uk.ear.caseservice.cases.Subject;

/** What the case page shows, in words and London times, built from the case record. */
public record CasePage(
    String caseRef,
    String stage,
    String team,
    String allocatedWorker,
    String category,
    String district,
    String grade,
    String closureReason,
    List<Person> people,
    List<Call> calls,
    List<Deadline> deadlines,
    List<Activity> activities,
    List<OpenTask> openTasks,
    List<Event> chronology,
    Sharing sharing) {

  /** What may be shared with other services, and on what basis (null: nothing recorded yet). */
  public record Sharing(String consent, String basis, String approvedBy, String when) {}

  public record Person(String name, String age, String role) {}

  public record Call(String reference, String when, String what, String location, String summary) {}

  public record Deadline(String what, String due, String status) {}

  public record Activity(String kind, String status, String due, String outcome) {}

  public record OpenTask(String name, String due, String assignee) {}

  public record Event(Instant at, String when, String what, String outcome, String details, String by) {
    Event(Instant at, ZoneId zone, String what, String outcome, String details, String by) {
      this(at, CasePage.at(at, zone), what, outcome, details, by);
    }
  }

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

  /** Audit actions that are events of the case (reads and recorded entries are not). */
  static final Set<String> EVENTS =
      Set.of(
          "CREATED", "REPEAT_INCIDENT", "HOSPITAL_ADMISSION", "RESPONSE_WINDOW_MISSED",
          "SUPPORT_STARTED", "SUPPORT_EXTENDED", "CLOSED", "LEGAL_HOLD", "LEGAL_HOLD_RELEASED");

  static CasePage of(
      CaseRecord c,
      List<Subject> subjects,
      List<Admission> admissions,
      List<CaseEntry> entries,
      List<CaseAudit> audit,
      List<CaseActivity> activities,
      List<OpenTask> openTasks,
      Instant now,
      ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    List<Person> people =
        subjects.stream()
            .map(s -> new Person(s.getName(), age(s.getDateOfBirth(), today), words(s.getRole().name())))
            .toList();
    List<Call> calls = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (Incident i : c.getIncidents()) {
      calls.add(
          new Call(i.getIncidentRef(), at(i.getReportedAt(), zone),
              "Police call, grade " + i.getGrade() + ", " + words(i.getCategory().name()),
              i.getLocation(), i.getSummary()));
      events.add(
          new Event(i.getReportedAt(), zone, "Police call " + i.getIncidentRef(),
              words(i.getRoute().name()), i.getSummary(),
              i.getOfficerName() == null ? i.getReceivedBy() : i.getOfficerName()));
    }
    for (Admission a : admissions) {
      calls.add(
          new Call(a.getAdmissionRef(), at(a.getAdmittedAt(), zone),
              "Hospital admission, " + words(a.getReason().name()), a.getHospital(), a.getSummary()));
      events.add(
          new Event(a.getAdmittedAt(), zone, "Hospital admission " + a.getAdmissionRef(),
              words(a.getRoute().name()), a.getSummary(), a.getHospital()));
    }
    for (CaseEntry e : entries) {
      Instant when = e.getOccurredAt() == null ? e.getRecordedAt() : e.getOccurredAt();
      events.add(
          new Event(when, zone, words(e.getKind()), e.getOutcome() == null ? "" : words(e.getOutcome()),
              e.getDetails(), e.getRecordedBy()));
    }
    for (CaseAudit a : audit) {
      String action = a.getAction();
      if (EVENTS.contains(action) || action.startsWith("ACTIVITY_DONE_") || action.startsWith("ACTIVITY_CANCELLED_")
          || action.startsWith("ACTIVITY_STARTED_")) {
        events.add(new Event(a.getAt(), zone, words(action), "", a.getDetail() == null ? "" : a.getDetail(), a.getUsername()));
      }
    }
    // time order; the recorded order keeps ties stable
    List<Event> chronology = events.stream().sorted(Comparator.comparing(Event::at)).toList();
    List<Deadline> deadlines = new ArrayList<>();
    if (c.getResponseDueAt() != null) {
      deadlines.add(
          new Deadline("Response (joint visit or liaison)", at(c.getResponseDueAt(), zone),
              c.getRespondedInTime() == null ? (now.isAfter(c.getResponseDueAt()) ? "missed" : "open")
                  : c.getRespondedInTime() ? "met" : "missed"));
    }
    if (c.getSupportEndsAt() != null) {
      deadlines.add(new Deadline("End of intensive support", at(c.getSupportEndsAt(), zone),
          c.isSupportExtended() ? "extended" : "set"));
    }
    for (CaseActivity a : activities) {
      if (a.getDueAt() != null) {
        boolean done = a.getEndedAt() != null;
        deadlines.add(new Deadline(words(a.getKind().name()), at(a.getDueAt(), zone),
            done ? (a.getEndedAt().isAfter(a.getDueAt()) ? "done late" : "met")
                : now.isAfter(a.getDueAt()) ? "overdue" : "open"));
      }
    }
    List<Activity> shown =
        activities.stream()
            .map(a -> new Activity(words(a.getKind().name()), words(a.getStatus().name()),
                a.getDueAt() == null ? "" : at(a.getDueAt(), zone),
                (a.getOutcome() == null ? "" : words(a.getOutcome()))
                    + (a.getScore() == null ? "" : " (score " + a.getScore() + ")")))
            .toList();
    return new CasePage(
        c.getCaseRef(), words(c.getStage().name()), c.getTeam() == null ? "" : words(c.getTeam()),
        c.getAllocatedWorker() == null ? "not allocated" : c.getAllocatedWorker(),
        words(c.getCategory().name()), words(c.getDistrict().name()),
        c.getGrade() == null ? "none (hospital)" : String.valueOf(c.getGrade()),
        c.getClosureReason() == null ? "" : words(c.getClosureReason()),
        people, calls, deadlines, shown, openTasks, chronology,
        c.getSharingConsent() == null
            ? null
            : new Sharing(
                words(c.getSharingConsent()),
                c.getSharingBasis() == null ? "none yet: waiting for a manager" : words(c.getSharingBasis()),
                c.getSharingApprovedBy() == null ? "" : c.getSharingApprovedBy(),
                at(c.getSharingRecordedAt(), zone)));
  }

  /** "JOINT_VISIT" as "Joint visit". */
  static String words(String code) {
    String text = code.replace('_', ' ').toLowerCase(Locale.UK).strip();
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String at(Instant instant, ZoneId zone) {
    return instant == null ? "" : instant.atZone(zone).format(WHEN);
  }

  private static String age(LocalDate born, LocalDate today) {
    return born == null ? "age not known" : Period.between(born, today).getYears() + " (born " + born + ")";
  }
}
