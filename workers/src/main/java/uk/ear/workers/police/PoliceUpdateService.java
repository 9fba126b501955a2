package uk.ear.workers.police;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import uk.ear.workers.caseservice.CaseServiceClient;
import uk.ear.workers.caseservice.CaseSummary;
import uk.ear.workers.idempotency.SentSteps;
import uk.ear.workers.idempotency.StepInProgressElsewhere;
import uk.ear.workers.idempotency.StepKey;

/** Tells the police system what happened to a case, once per process step. */
@Service
public class PoliceUpdateService {

  public static final String TOPIC = "ear-police-update";

  /** ISO-8601 with the offset always written out: +00:00 in winter, +01:00 in summer. */
  static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private final CaseServiceClient cases;
  private final PoliceClient police;
  private final SentSteps sentSteps;
  private final Clock clock;

  public PoliceUpdateService(
      CaseServiceClient cases, PoliceClient police, SentSteps sentSteps, Clock clock) {
    this.cases = cases;
    this.police = police;
    this.sentSteps = sentSteps;
    this.clock = clock;
  }

  public SentSteps.Outcome send(
      StepKey step, String externalTaskId, String caseRef, PoliceEvent event) {
    if (sentSteps.wasSent(step)) {
      return SentSteps.Outcome.ALREADY_SENT;
    }
    PoliceUpdate update = updateFor(cases.getCase(caseRef), caseRef, event);
    SentSteps.Outcome outcome =
        sentSteps.sendOnce(
            step, TOPIC, caseRef, externalTaskId, () -> police.post(update, step.external()));
    if (outcome == SentSteps.Outcome.IN_PROGRESS_ELSEWHERE) {
      throw new StepInProgressElsewhere(step);
    }
    return outcome;
  }

  PoliceUpdate updateFor(CaseSummary c, String caseRef, PoliceEvent event) {
    ZoneId zone = clock.getZone();
    OffsetDateTime occurred =
        switch (event) {
          case ATTACHED -> c.openedAt();
          case VISITED -> c.visitedAt();
          case CLOSED -> c.closedAt();
        };
    if (occurred == null) {
      occurred = OffsetDateTime.now(clock);
    }
    return new PoliceUpdate(
        c.incidentRefs(),
        c.caseRef() != null ? c.caseRef() : caseRef,
        event,
        c.stage(),
        c.team(),
        format(occurred, zone),
        format(c.visitedAt(), zone),
        c.respondedInTime());
  }

  private static String format(OffsetDateTime time, ZoneId zone) {
    return time == null
        ? null
        : time.atZoneSameInstant(zone).format(ISO_WITH_OFFSET);
  }
}
