package uk.ear.caseservice.hospital;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.cases.HospitalReason;
import uk.ear.caseservice.intake.NotFarInFuture;

/** A hospital tells the service of a vulnerable admission. */
public record AdmissionRequest(
    @Schema(example = "RPH-2026-118822", description = "the hospital's own reference, unique")
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9/-]{1,40}", message = "must be 1-40 letters, digits, '-' or '/'")
        String admissionRef,
    @Schema(example = "Royal Preston Hospital") @NotBlank @Size(max = 200) String hospital,
    @Schema(
            example = "2026-11-29T22:10:00Z",
            description = "when the patient was admitted; not in the future by the service's clock (5 minutes' drift allowed)")
        @NotNull
        @NotFarInFuture
        OffsetDateTime admittedAt,
    @NotNull HospitalReason reason,
    @NotNull District district,
    @NotNull @Valid Patient patient,
    @NotBlank @Size(max = 4000) String summary,
    @Valid Contact contact) {

  public record Patient(
      @Schema(example = "Jamie Example") @NotBlank @Size(max = 200) String name,
      @PastOrPresent LocalDate dateOfBirth) {}

  public record Contact(
      @Schema(example = "Ward 8 safeguarding nurse") @Size(max = 200) String name,
      @Schema(example = "+441772000000")
          @Pattern(regexp = "[+0-9 ()-]{3,40}", message = "must be a telephone number")
          String phone) {}
}
