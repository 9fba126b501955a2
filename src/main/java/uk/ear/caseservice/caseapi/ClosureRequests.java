package uk.ear.caseservice.caseapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.ear.caseservice.cases.ClosureReason;
import uk.ear.caseservice.closure.EarlyClosure;
import uk.ear.caseservice.shared.CurrentUser;

/** {@code POST /api/cases/{caseRef}/closure-requests}: see {@link EarlyClosure}. */
@RestController
@Tag(name = "Cases")
public class ClosureRequests {

  /** A request to close a case early. */
  public record ClosureRequest(@NotNull ClosureReason reason, @Size(max = 2000) String note) {}

  private final EarlyClosure earlyClosure;

  public ClosureRequests(EarlyClosure earlyClosure) {
    this.earlyClosure = earlyClosure;
  }

  @PostMapping("/api/cases/{caseRef}/closure-requests")
  @Operation(summary = "Ask to close a case early; the team's manager approves it in Tasklist")
  @ApiResponse(responseCode = "202", description = "the manager has an approval task")
  @ApiResponse(responseCode = "404", description = "no such case, or not one of your team's")
  @ApiResponse(responseCode = "409", description = "the case is closed or its closure is under way")
  public ResponseEntity<Object> request(
      @PathVariable String caseRef, @Valid @RequestBody ClosureRequest request, Authentication auth) {
    try {
      earlyClosure.request(
          caseRef,
          request.reason(),
          request.note(),
          auth.getName(),
          CurrentUser.groupsOf(auth));
    } catch (EarlyClosure.Refused refused) {
      if (refused.why() == EarlyClosure.Refused.Why.NO_SUCH_CASE) {
        return ResponseEntity.notFound().build();
      }
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
      problem.setTitle("Case cannot be closed now");
      problem.setProperty("caseRef", caseRef);
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
    return ResponseEntity.accepted()
        .body(Map.of("caseRef", caseRef, "reason", request.reason(), "requestedBy", auth.getName()));
  }
}
