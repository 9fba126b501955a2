package uk.ear.workers.police;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body POSTed to the police system. References and facts only: by construction no names,
 * no dates of birth, no free text. Times are ISO-8601 with their Europe/London offset.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PoliceUpdate(
    List<String> incidentRefs,
    String caseRef,
    PoliceEvent event,
    String stage,
    String team,
    String occurredAt,
    String visitedAt,
    Boolean respondedInTime) {}
