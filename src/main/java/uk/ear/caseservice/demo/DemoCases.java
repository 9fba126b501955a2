package uk.ear.caseservice.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.cases.SubjectRole;
import uk.ear.caseservice.intake.CallReceipt;
import uk.ear.caseservice.cases.HospitalReason;
import uk.ear.caseservice.hospital.AdmissionIntake;
import uk.ear.caseservice.hospital.AdmissionRequest;
import uk.ear.caseservice.location.LocationKind;
import uk.ear.caseservice.location.LocationRequest;
import uk.ear.caseservice.location.Locations;
import uk.ear.caseservice.shared.Teams;
import uk.ear.caseservice.intake.CallRequest;
import uk.ear.caseservice.intake.IntakeService;
import uk.ear.caseservice.shared.EarProperties;

/**
 * On the first start of the demo profile: a handful of fictional cases in different stages, sent
 * in as the police integration would send them, a case in each of the teams' activities, a hospital
 * admission and three registered vulnerable locations, so Tasklist and Cockpit are not empty.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "ear.demo.cases", havingValue = "true")
public class DemoCases implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private final CaseRepository cases;
  private final IntakeService intake;
  private final AdmissionIntake admissions;
  private final Locations locations;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;
  private final EarProperties properties;

  public DemoCases(
      CaseRepository cases,
      IntakeService intake,
      AdmissionIntake admissions,
      Locations locations,
      TaskService tasks,
      IdentityService identity,
      Clock clock,
      EarProperties properties) {
    this.cases = cases;
    this.intake = intake;
    this.admissions = admissions;
    this.locations = locations;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (cases.count() > 0) {
      return;
    }
    OffsetDateTime now = clock.instant().atZone(properties.zone()).toOffsetDateTime();
    call("DEMO-0001", now.minusMinutes(20), 2, Category.MISSING_PERSON, District.PRESTON,
        "Jamie Example", LocalDate.of(2011, 5, 17), SubjectRole.CHILD,
        "Returned home after two days missing; parent worried about who they were with.");
    call("DEMO-0002", now.minusHours(3), 2, Category.MENTAL_HEALTH, District.PRESTON,
        "Morgan Sample", LocalDate.of(1987, 2, 3), SubjectRole.ADULT,
        "Adult in distress at a bus station; officers on scene asking for support.");
    call("DEMO-0003", now.minusHours(5), 3, Category.DOMESTIC_ABUSE, District.BURNLEY,
        "Casey Demo", LocalDate.of(1995, 9, 21), SubjectRole.ADULT,
        "Third call this month; neighbour reports shouting, victim declined statement.");
    call("DEMO-0004", now.minusHours(1), 4, Category.CONCERN_FOR_SAFETY, District.PRESTON,
        "Alex Placeholder", LocalDate.of(1950, 12, 1), SubjectRole.ADULT,
        "Older man living alone, neighbour has not seen him for a week; police advised.");
    call("DEMO-0005", now.minusMinutes(50), 3, Category.VULNERABLE_CHILD, District.CHORLEY,
        "Riley Test", LocalDate.of(2014, 1, 9), SubjectRole.CHILD,
        "Child found alone late at night; Chorley has no EAR team.");
    CallReceipt visited =
        call("DEMO-0006", now.minusHours(2), 2, Category.YOUTH_OFFENDING, District.BURNLEY,
            "Jordan Fictional", LocalDate.of(2009, 7, 30), SubjectRole.CHILD,
            "Arrested for criminal damage, parents not answering.");
    // visited by a Burnley worker, who keeps the case
    visit(visited, "sw.burnley1", "ear-burnley", now.minusMinutes(75), Map.of("riskLevel", "MEDIUM"));

    // a case in each of the teams' activities, as the visit found them
    CallReceipt returned =
        call("DEMO-0007", now.minusHours(4), 2, Category.MISSING_PERSON, District.PRESTON,
            "Taylor Invented", LocalDate.of(2010, 3, 14), SubjectRole.CHILD,
            "Missing overnight, found at a bus station with older males; now home.");
    visit(returned, "sw.preston1", "ear-preston", now.minusHours(3),
        Map.of("returnedAt", now.minusHours(5).toLocalDateTime().withNano(0).withSecond(0).toString()));
    CallReceipt abuse =
        call("DEMO-0008", now.minusHours(6), 2, Category.DOMESTIC_ABUSE, District.PRESTON,
            "Robin Madeup", LocalDate.of(1991, 8, 2), SubjectRole.ADULT,
            "Neighbour heard screaming; victim has a black eye, partner left before police arrived.");
    visit(abuse, "sw.preston1", "ear-preston", now.minusHours(5), Map.of("riskLevel", "HIGH"));
    CallReceipt child =
        call("DEMO-0009", now.minusHours(7), 2, Category.VULNERABLE_CHILD, District.PRESTON,
            "Sky Notreal", LocalDate.of(2016, 11, 5), SubjectRole.CHILD,
            "Child left alone at home for two days; school raised concerns about bruising.");
    visit(child, "sw.preston1", "ear-preston", now.minusHours(6), Map.of("riskLevel", "HIGH"));
    CallReceipt exploited =
        call("DEMO-0010", now.minusHours(8), 2, Category.CHILD_SEXUAL_EXPLOITATION, District.PRESTON,
            "Quinn Fiction", LocalDate.of(2009, 1, 20), SubjectRole.CHILD,
            "Seen getting into cars with older men near a takeaway; phone with new contacts.");
    visit(exploited, "sw.preston1", "ear-preston", now.minusHours(7), Map.of("ppuInvolved", true));
    admissions.receive(
        new AdmissionRequest(
            "DEMO-H-0001",
            "Royal Preston Hospital",
            now.minusHours(1).withNano(0),
            HospitalReason.SELF_HARM,
            District.PRESTON,
            new AdmissionRequest.Patient("Jesse Pretend", LocalDate.of(1999, 4, 4)),
            "Admitted after an overdose; due to be discharged tomorrow to an empty flat.",
            new AdmissionRequest.Contact("Ward 8 safeguarding nurse", "+441772000000")),
        "hospital");
    for (String[] place :
        new String[][] {
          {"Demo children's home", "CHILDRENS_HOME", "PRESTON", "1 Demo Lane, Preston", "P28D"},
          {"Demo youth hostel", "HOSTEL", "PRESTON", "2 Demo Road, Preston", "P14D"},
          {"Demo youth club", "YOUTH_CLUB", "BURNLEY", "3 Demo Street, Burnley", "P1M"}
        }) {
      locations.register(
          new LocationRequest(place[0], LocationKind.valueOf(place[1]), District.valueOf(place[2]), place[3], place[4]),
          "admin",
          java.util.Set.of(Teams.ADMIN_GROUP));
    }
    log.info("demo cases created: {}", cases.count());
  }

  /** The joint visit, recorded by {@code worker} of {@code group} with these findings. */
  private void visit(CallReceipt c, String worker, String group, OffsetDateTime at, Map<String, Object> found) {
    Task visit =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(c.caseRef())
            .taskDefinitionKey("Task_RecordJointVisit")
            .singleResult();
    if (visit == null) {
      return;
    }
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("visitedAt", at.toLocalDateTime().withNano(0).withSecond(0).toString());
    values.put("personSeen", true);
    values.put("riskLevel", "MEDIUM");
    values.put("visitAttendees", "PC1234, worker on duty");
    values.put("visitNotes", "Seen at home; agreed to meet again tomorrow.");
    values.putAll(found);
    identity.setAuthentication(worker, List.of(group));
    try {
      tasks.complete(visit.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  private CallReceipt call(
      String ref,
      OffsetDateTime reportedAt,
      int grade,
      Category category,
      District district,
      String name,
      LocalDate dob,
      SubjectRole role,
      String summary) {
    CallRequest request =
        new CallRequest(
            ref,
            reportedAt.minus(Duration.ofNanos(reportedAt.getNano())),
            grade,
            category,
            district,
            "Demo address, " + district.name().charAt(0) + district.name().substring(1).toLowerCase(),
            List.of(new CallRequest.Person(name, dob, role)),
            summary,
            new CallRequest.Officer("PC" + (1000 + grade), "PC Demo"));
    return intake.receive(request, "police").receipt();
  }
}
