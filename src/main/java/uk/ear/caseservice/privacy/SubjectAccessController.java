package uk.ear.caseservice.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/subject-access} (JSON) and {@code GET /api/subject-access/pdf}: an administrator
 * exports everything held about a person, by {@code name} and {@code dateOfBirth} or by {@code
 * caseRef}. Administrators only ({@code AccessRules}); every export is audited.
 */
@RestController
@Tag(name = "Data protection")
public class SubjectAccessController {

  private final SubjectAccess access;

  public SubjectAccessController(SubjectAccess access) {
    this.access = access;
  }

  /** Who to look for, from the query string. */
  public record Person(
      String name,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
      String caseRef) {

    SubjectAccess.Query query() {
      return new SubjectAccess.Query(blankToNull(name), dateOfBirth, blankToNull(caseRef));
    }
  }

  @GetMapping(value = "/api/subject-access", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Export everything held about a person, as JSON (administrators)")
  public ResponseEntity<?> json(@ParameterObject Person person, Authentication auth) {
    SubjectAccess.Query query = person.query();
    return complete(query) ? ResponseEntity.ok(access.export(query, auth.getName(), "json")) : problem();
  }

  @GetMapping("/api/subject-access/pdf")
  @Operation(summary = "Export everything held about a person, as a readable PDF (administrators)")
  public ResponseEntity<?> pdf(@ParameterObject Person person, Authentication auth) {
    SubjectAccess.Query query = person.query();
    if (!complete(query)) {
      return problem();
    }
    byte[] pdf = SubjectAccessPdf.of(access.export(query, auth.getName(), "pdf"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"subject-access.pdf\"")
        .header("Cache-Control", "no-store")
        .body(pdf);
  }

  private static boolean complete(SubjectAccess.Query query) {
    return query.caseRef() != null || (query.name() != null && query.dateOfBirth() != null);
  }

  private static ResponseEntity<?> problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Give caseRef, or name and dateOfBirth (yyyy-mm-dd).");
    problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "caseRef", "message", "or name and dateOfBirth")));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
