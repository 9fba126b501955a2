package uk.ear.caseservice.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.ear.caseservice.intake.IncidentConflictException;

/**
 * Errors of the service's own API as {@code application/problem+json}. A 400 carries an
 * {@code errors} array naming each bad field, e.g. {@code subjects[0].dateOfBirth}.
 */
@RestControllerAdvice(basePackages = "uk.ear.caseservice")
public class ApiProblems extends ResponseEntityExceptionHandler {

  /** One bad field: its JSON path and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldProblem(e.getField(), message(e)))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
    return badRequest("The request has invalid fields.", errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message =
          mapping instanceof InvalidFormatException invalid
                  && invalid.getTargetType() != null
                  && invalid.getTargetType().isEnum()
              ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
              : mapping instanceof MismatchedInputException
                  ? "has the wrong type or format"
                  : "cannot be read";
      return badRequest("The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }
    return badRequest(
        "The request body is not valid JSON.",
        List.of(new FieldProblem("$", "malformed or missing JSON body")));
  }

  /** A query parameter of the wrong type, e.g. an unknown stage: named like a bad field. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = ex.getPropertyName() == null ? "$" : ex.getPropertyName();
    if (ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m) {
      field = m.getName();
    }
    Class<?> type = ex.getRequiredType();
    String message =
        type != null && type.isEnum()
            ? "must be one of " + List.of(type.getEnumConstants())
            : "has the wrong type or format";
    return badRequest("The request has invalid parameters.", List.of(new FieldProblem(field, message)));
  }

  /** A query parameter out of its range, as the controller checked it. */
  @ExceptionHandler(BadParameterException.class)
  ResponseEntity<Object> badParameter(BadParameterException ex) {
    return badRequest("The request has invalid parameters.", List.of(new FieldProblem(ex.field(), ex.getMessage())));
  }

  @ExceptionHandler(IncidentConflictException.class)
  ResponseEntity<Object> conflict(IncidentConflictException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Incident " + ex.getIncidentRef() + " was already received with different content.");
    problem.setTitle("Incident already received");
    problem.setProperty("incidentRef", ex.getIncidentRef());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /**
   * Another request changed the same task, process or case record at the same moment and
   * committed first (the engine's or JPA's optimistic locking): nothing of this one was written.
   */
  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
  ResponseEntity<Object> changedMeanwhile(RuntimeException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Someone else changed this at the same moment and nothing of this request was saved."
                + " Read it again and retry if it still applies.");
    problem.setTitle("Changed at the same time");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private static ResponseEntity<Object> badRequest(String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperties(Map.of("errors", errors));
    return ResponseEntity.badRequest().body(problem);
  }

  private static String message(FieldError e) {
    if (e.isBindingFailure()) {
      // a query parameter that is not of its type (e.g. a date that is not one): not Spring's words
      return "has the wrong type or format";
    }
    return e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    List<String> parts = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          parts.add(field.toString());
          field.setLength(0);
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    parts.add(field.toString());
    return String.join(".", parts);
  }
}
