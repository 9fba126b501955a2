package uk.ear.caseservice.hospital;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The admission reference is known with other content: 409. */
class AdmissionConflictException extends ResponseStatusException {

  AdmissionConflictException(String admissionRef) {
    super(HttpStatus.CONFLICT, "admission " + admissionRef + " was received before with other content");
  }
}
