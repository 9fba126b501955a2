package uk.ear.caseservice.process;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.ear.caseservice.cases.CaseAccess;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.ClosureReason;
import uk.ear.caseservice.security.CamundaIdentityAuthenticationProvider;

/**
 * Closing a case before its work is done (the person moved away, died or declined support): a
 * worker of the case's team asks, with a reason, and the team's manager approves in Tasklist
 * ("Approve early closure"). Until then nothing stops.
 */
@RestController
@Tag(name = "Cases")
public class ClosureRequests {

  /** A request to close a case early. */
  public record ClosureRequest(@NotNull ClosureReason reason, @Size(max = 2000) String note) {}

  private final CaseRepository cases;
  private final CaseAccess access;
  private final CaseRecords records;
  private final RuntimeService runtime;

  public ClosureRequests(
      CaseRepository cases, CaseAccess access, CaseRecords records, RuntimeService runtime) {
    this.cases = cases;
    this.access = access;
    this.records = records;
    this.runtime = runtime;
  }

  @PostMapping("/api/cases/{caseRef}/closure-requests")
  @Operation(summary = "Ask to close a case early; the team's manager approves it in Tasklist")
  @ApiResponse(responseCode = "202", description = "the manager has an approval task")
  @ApiResponse(responseCode = "404", description = "no such case, or not one of your team's")
  @ApiResponse(responseCode = "409", description = "the case is closed or its closure is under way")
  @Transactional
  public ResponseEntity<Object> request(
      @PathVariable String caseRef, @Valid @RequestBody ClosureRequest request, Authentication auth) {
    Set<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(auth);
    CaseRecord c = cases.findByCaseRef(caseRef).orElse(null);
    if (c == null || !access.isOwnTeams(c, groups)) {
      return ResponseEntity.notFound().build();
    }
    if (!c.getStage().isOpen()) {
      return conflict(caseRef, "The case is closed already.");
    }
    try {
      runtime
          .createMessageCorrelation(CaseProcess.CLOSURE_REQUESTED_MESSAGE)
          .processInstanceBusinessKey(caseRef)
          .setVariablesToTriggeredScope(
              Map.of(
                  "requestedClosureReason", request.reason().name(),
                  "requestedBy", auth.getName()))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException closing) {
      return conflict(caseRef, "The case is already being closed.");
    }
    records.addEntry(
        caseRef, "CLOSURE_REQUESTED", null, request.reason().name(), null, request.note(), auth.getName());
    return ResponseEntity.accepted()
        .body(Map.of("caseRef", caseRef, "reason", request.reason(), "requestedBy", auth.getName()));
  }

  private static ResponseEntity<Object> conflict(String caseRef, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Case cannot be closed now");
    problem.setProperty("caseRef", caseRef);
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }
}
