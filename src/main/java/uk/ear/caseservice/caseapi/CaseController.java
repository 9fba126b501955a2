package uk.ear.caseservice.caseapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import uk.ear.caseservice.activity.Activities;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Stage;
import uk.ear.caseservice.web.BadParameterException;
import uk.ear.caseservice.cases.AuditLine;
import uk.ear.caseservice.cases.CaseAccess;
import uk.ear.caseservice.cases.CaseLookup;
import uk.ear.caseservice.cases.CaseView;
import uk.ear.caseservice.cases.HandoverPack;
import uk.ear.caseservice.shared.CurrentUser;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.TeamScope;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases")
public class CaseController {

  private final CaseLookup cases;
  private final CaseRepository repository;
  private final Activities activities;
  private final Clock clock;
  private final EarProperties properties;

  public CaseController(
      CaseLookup cases,
      CaseRepository repository,
      Activities activities,
      Clock clock,
      EarProperties properties) {
    this.cases = cases;
    this.repository = repository;
    this.activities = activities;
    this.clock = clock;
    this.properties = properties;
  }

  /** One page of a case list. */
  public record CasePage(List<CaseView> content, int page, int size, long totalElements, int totalPages) {}

  @GetMapping
  @Operation(
      summary = "List cases",
      description =
          "The caller's team's cases (a team's workers and managers: their team; admin: all), newest"
              + " first, with the fields of GET /api/cases/{caseRef}. Filters: team, stage, overdue"
              + " (waiting for the response past its deadline, or an activity open past its due"
              + " date). Paged: page from 0, size 1-100 (default 20). 403 for callers with no team.")
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public CasePage list(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication auth) {
    if (page < 0) {
      throw new BadParameterException("page", "must be 0 or more");
    }
    if (size < 1 || size > 100) {
      throw new BadParameterException("size", "must be between 1 and 100");
    }
    TeamScope scope = TeamScope.of(auth, team, false);
    var found =
        repository.list(
            scope.all(), scope.teamsOrNone(), team, stage, overdue, clock.instant(),
            PageRequest.of(page, size));
    return new CasePage(
        found.getContent().stream()
            .map(c -> CaseView.of(c, properties.zone()).withActivities(activitiesOf(c.getCaseRef())))
            .toList(),
        page, size, found.getTotalElements(), found.getTotalPages());
  }

  @GetMapping("/{caseRef}")
  @Operation(
      summary = "Read a case",
      description =
          "With its activities (kind, status, dueAt, outcome). 404 for an unknown case or one you"
              + " may not see")
  public ResponseEntity<CaseView> read(
      @PathVariable String caseRef,
      @Parameter(description = "the external-task workers: the worker id that holds one of the case's tasks")
          @RequestParam(required = false)
          String workerId,
      Authentication auth) {
    return ResponseEntity.of(
        cases
            .read(caseRef, caller(auth, workerId))
            .map(c -> CaseView.of(c, properties.zone()).withActivities(activitiesOf(caseRef))));
  }

  private java.util.List<CaseView.ActivityView> activitiesOf(String caseRef) {
    return activities.of(caseRef).stream()
        .map(
            a ->
                new CaseView.ActivityView(
                    a.getKind().name(),
                    a.getStatus().name(),
                    CaseView.at(a.getDueAt(), properties.zone()),
                    CaseView.at(a.getEndedAt(), properties.zone()),
                    a.getOutcome(),
                    a.getScore()))
        .toList();
  }

  @GetMapping("/{caseRef}/handover-pack")
  @Operation(
      summary = "Read what a receiving service needs",
      description =
          "The case with its people and recorded entries, for the handover worker building the"
              + " pack it emails. Personal data: the team, EDT while it works on the case, admins,"
              + " and the workers user while its worker id holds the case's ear-handover-pack task."
              + " 404 otherwise.")
  public ResponseEntity<HandoverPack> handoverPack(
      @PathVariable String caseRef,
      @Parameter(description = "the external-task workers: the worker id that holds the case's ear-handover-pack task")
          @RequestParam(required = false)
          String workerId,
      Authentication auth) {
    return ResponseEntity.of(cases.handoverPack(caseRef, caller(auth, workerId), properties.zone()));
  }

  @GetMapping("/{caseRef}/audit")
  @Operation(
      summary = "Read who looked at a case and what was done with it",
      description =
          "Every read of the case's data (this API, the handover pack, /engine-rest, Tasklist,"
              + " Cockpit), refused attempts included, and every change. For the managers of the"
              + " case's team and administrators; 404 otherwise. Reading it is audited too.")
  public ResponseEntity<java.util.List<AuditLine>> audit(
      @PathVariable String caseRef, Authentication auth) {
    return ResponseEntity.of(
        cases.auditTrail(caseRef, caller(auth, null))
            .map(lines -> lines.stream().map(a -> AuditLine.of(a, properties.zone())).toList()));
  }

  private static CaseAccess.Caller caller(Authentication auth, String workerId) {
    return new CaseAccess.Caller(
        auth.getName(), CurrentUser.groupsOf(auth), workerId);
  }

}
