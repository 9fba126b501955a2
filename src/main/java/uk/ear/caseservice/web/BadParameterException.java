package uk.ear.caseservice.web;

/** A query parameter the service refuses: answered 400 problem+json naming it. */
public class BadParameterException extends RuntimeException {

  private final String field;

  public BadParameterException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
