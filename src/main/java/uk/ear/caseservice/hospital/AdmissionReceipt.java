package uk.ear.caseservice.hospital;

import java.time.OffsetDateTime;
import uk.ear.caseservice.cases.Route;

/** The answer to an admission: its case, and when the liaison with the hospital is due. */
public record AdmissionReceipt(
    String caseRef, String admissionRef, Route route, OffsetDateTime liaisonDueAt) {}
