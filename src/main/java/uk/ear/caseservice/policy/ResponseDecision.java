package uk.ear.caseservice.policy;

import java.time.Instant;
import uk.ear.caseservice.cases.Route;

/** What the rules decided for one call: which team, which route, how urgent, due when. */
public record ResponseDecision(String team, Route route, int priority, Instant responseDueAt) {}
