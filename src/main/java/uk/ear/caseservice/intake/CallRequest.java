package uk.ear.caseservice.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.cases.SubjectRole;

/** A police "early action" call, as the force's command-and-control system sends it. */
public record CallRequest(
    @Schema(example = "LC-20131004-0421", description = "the force's own reference, unique")
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9/-]{1,40}", message = "must be 1-40 letters, digits, '-' or '/'")
        String incidentRef,
    @Schema(example = "2013-10-04T17:42:00+01:00", description = "when the police logged the call")
        @NotNull
        @NotFarInFuture
        OffsetDateTime reportedAt,
    @Schema(example = "2", description = "police grade 1-4") @NotNull @Min(1) @Max(4) Integer grade,
    @NotNull Category category,
    @NotNull District district,
    @NotBlank @Size(max = 500) String location,
    @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Person> subjects,
    @NotBlank @Size(max = 4000) String summary,
    @Valid Officer officer) {

  public record Person(
      @NotBlank @Size(max = 200) String name,
      @PastOrPresent LocalDate dateOfBirth,
      @NotNull SubjectRole role) {}

  public record Officer(@Size(max = 20) String collarNumber, @Size(max = 200) String name) {}
}
