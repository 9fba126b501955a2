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
import uk.ear.caseservice.intake.CallRequest;
import uk.ear.caseservice.intake.IntakeService;
import uk.ear.caseservice.shared.EarProperties;

/**
 * On the first start of the demo profile: a handful of fictional cases in different stages, sent
 * in as the police integration would send them, so Tasklist and Cockpit are not empty.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "ear.demo.cases", havingValue = "true")
public class DemoCases implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private final CaseRepository cases;
  private final IntakeService intake;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;
  private final EarProperties properties;

  public DemoCases(
      CaseRepository cases,
      IntakeService intake,
      TaskService tasks,
      IdentityService identity,
      Clock clock,
      EarProperties properties) {
    this.cases = cases;
    this.intake = intake;
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
    Task visit =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(visited.caseRef())
            .taskDefinitionKey("Task_RecordJointVisit")
            .singleResult();
    if (visit != null) {
      // visited by a Burnley worker, who keeps the case
      identity.setAuthentication("sw.burnley1", List.of("ear-burnley"));
      try {
        tasks.complete(
          visit.getId(),
          Map.of(
              "visitedAt", now.minusMinutes(75).toLocalDateTime().withNano(0).toString(),
              "personSeen", true,
              "riskLevel", "MEDIUM",
              "visitAttendees", "PC1234, worker on duty",
              "visitNotes", "Seen at home with grandmother; agreed to meet tomorrow."));
      } finally {
        identity.clearAuthentication();
      }
    }
    log.info("demo cases created: {}", cases.count());
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
