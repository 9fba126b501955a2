package uk.ear.caseservice.intake;

import java.time.OffsetDateTime;
import uk.ear.caseservice.cases.Route;

/** The answer to a police call: which case it belongs to and when the response is due. */
public record CallReceipt(
    String caseRef,
    String incidentRef,
    Route route,
    OffsetDateTime responseDueAt,
    String processInstanceId) {}
