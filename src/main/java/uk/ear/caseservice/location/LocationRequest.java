package uk.ear.caseservice.location;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.ear.caseservice.cases.District;

/** A vulnerable location to register, with how often it is visited. */
public record LocationRequest(
    @Schema(example = "Ribbleton Lane children's home") @NotBlank @Size(max = 200) String name,
    @NotNull LocationKind kind,
    @NotNull District district,
    @Schema(example = "1 Ribbleton Lane, Preston PR1 5EZ") @NotBlank @Size(max = 500) String address,
    @Schema(example = "P28D", description = "an ISO-8601 period of days, weeks or months: P1D to P1Y")
        @NotNull
        @Pattern(
            regexp = "P([1-9][0-9]{0,2}D|[1-9][0-9]?W|([1-9]|1[0-2])M|1Y)",
            message = "must be a period such as P28D, P2W or P1M, from a day to a year")
        String visitEvery) {}
