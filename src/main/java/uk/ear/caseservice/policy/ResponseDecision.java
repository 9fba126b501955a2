package uk.ear.caseservice.policy;

import java.time.Instant;
import uk.ear.caseservice.cases.Route;

/**
 * What the rules decided for one call: which team, which route, how urgent, due when, and when a
 * visit still not made escalates to all managers (null where there is no second escalation).
 */
public record ResponseDecision(
    String team, Route route, int priority, Instant responseDueAt, Instant secondEscalationAt) {}
