package uk.ear.caseservice.caseapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.ear.caseservice.cases.CaseRecords;

/**
 * {@code PUT|DELETE /api/cases/{caseRef}/legal-hold}: an administrator keeps a case from the
 * retention job (proceedings, a complaint, a subject access request in progress), and releases it.
 */
@RestController
@Tag(name = "Cases")
public class LegalHolds {

  /** Why the case is held. */
  public record LegalHold(@NotBlank @Size(max = 200) String reason) {}

  private final CaseRecords records;

  public LegalHolds(CaseRecords records) {
    this.records = records;
  }

  @PutMapping("/api/cases/{caseRef}/legal-hold")
  @Operation(summary = "Keep a case from erasure (administrators)")
  public ResponseEntity<Void> hold(
      @PathVariable String caseRef, @Valid @RequestBody LegalHold hold, Authentication auth) {
    return answer(records.legalHold(caseRef, hold.reason().strip(), auth.getName()));
  }

  @DeleteMapping("/api/cases/{caseRef}/legal-hold")
  @Operation(summary = "Release a legal hold (administrators)")
  public ResponseEntity<Void> release(@PathVariable String caseRef, Authentication auth) {
    return answer(records.legalHold(caseRef, null, auth.getName()));
  }

  private static ResponseEntity<Void> answer(boolean found) {
    return found ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }
}
