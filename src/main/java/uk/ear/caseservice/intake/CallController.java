package uk.ear.caseservice.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Police calls")
public class CallController {

  private final IntakeService intake;

  public CallController(IntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  @Operation(
      summary = "Send a police early action call",
      description =
          "Opens a case and starts its process, or joins the call to the open case of the same"
              + " person. Safe to retry: the same incidentRef with the same content answers 200"
              + " with the first answer.")
  @ApiResponse(responseCode = "201", description = "a new case was opened or the call joined one")
  @ApiResponse(responseCode = "200", description = "the call was received before, same content")
  @ApiResponse(responseCode = "400", description = "bad input; errors names each field")
  @ApiResponse(responseCode = "409", description = "the incidentRef is known with other content")
  public ResponseEntity<CallReceipt> receive(
      @Valid @RequestBody CallRequest call, Principal principal) {
    var outcome = intake.receive(call, principal.getName());
    CallReceipt receipt = outcome.receipt();
    if (!outcome.created()) {
      return ResponseEntity.ok(receipt);
    }
    return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseRef())).body(receipt);
  }
}
