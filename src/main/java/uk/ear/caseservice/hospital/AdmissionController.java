package uk.ear.caseservice.hospital;

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
@RequestMapping("/api/hospital-admissions")
@Tag(name = "Hospital admissions")
public class AdmissionController {

  private final AdmissionIntake intake;

  public AdmissionController(AdmissionIntake intake) {
    this.intake = intake;
  }

  @PostMapping
  @Operation(
      summary = "Tell the service of a vulnerable hospital admission",
      description =
          "Opens a case (route HOSPITAL_LIAISON) with a 'Liaise with hospital' task due four hours"
              + " from admission (the team's in office hours, the Emergency Duty Team's out of"
              + " hours), or joins the patient's open case (same name and date of birth). Safe to"
              + " retry: the same admissionRef with the same content answers 200 with the first"
              + " answer.")
  @ApiResponse(responseCode = "201", description = "a case was opened or the admission joined one")
  @ApiResponse(responseCode = "200", description = "the admission was received before, same content")
  @ApiResponse(responseCode = "400", description = "bad input; errors names each field")
  @ApiResponse(responseCode = "409", description = "the admissionRef is known with other content")
  public ResponseEntity<AdmissionReceipt> receive(
      @Valid @RequestBody AdmissionRequest admission, Principal principal) {
    var outcome = intake.receive(admission, principal.getName());
    AdmissionReceipt receipt = outcome.receipt();
    if (!outcome.created()) {
      return ResponseEntity.ok(receipt);
    }
    return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseRef())).body(receipt);
  }
}
