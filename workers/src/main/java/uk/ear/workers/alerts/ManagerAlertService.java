package uk.ear.workers.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import uk.ear.workers.caseservice.CaseServiceClient;
import uk.ear.workers.caseservice.CaseSummary;
import uk.ear.workers.handover.ReceivingService;
import uk.ear.workers.idempotency.SentSteps;
import uk.ear.workers.idempotency.StepInProgressElsewhere;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.mail.Mailer;
import uk.ear.workers.task.PermanentFailure;

/**
 * Mails the duty manager of the case's team that something is overdue, once per process step.
 * No personal data: references, what is overdue, and links into Cockpit and Tasklist.
 */
@Service
public class ManagerAlertService {

  public static final String TOPIC = "ear-manager-alert";

  private final AlertProperties properties;
  private final CaseServiceClient cases;
  private final Mailer mailer;
  private final SentSteps sentSteps;
  private final ZoneId zone;

  public ManagerAlertService(
      AlertProperties properties,
      CaseServiceClient cases,
      Mailer mailer,
      SentSteps sentSteps,
      java.time.Clock clock) {
    this.properties = properties;
    this.cases = cases;
    this.mailer = mailer;
    this.sentSteps = sentSteps;
    this.zone = clock.getZone();
  }

  public SentSteps.Outcome send(
      StepKey step,
      String externalTaskId,
      String caseRef,
      AlertKind kind,
      String receivingService) {
    if (sentSteps.wasSent(step)) {
      return SentSteps.Outcome.ALREADY_SENT;
    }
    CaseSummary c = cases.getCase(caseRef);
    String to =
        properties
            .addressOf(c.team())
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        "No duty manager address for team " + c.team()
                            + " and no default (workers.alerts.team-addresses." + c.team()
                            + " or .default)"));
    Mailer.Mail mail =
        new Mailer.Mail(
            to,
            "EAR alert: " + kind.title() + " - " + caseRef,
            text(c, caseRef, kind, receivingService, step.processInstanceId()),
            step.external(),
            null);
    SentSteps.Outcome outcome =
        sentSteps.sendOnce(step, TOPIC, caseRef, externalTaskId, () -> mailer.send(mail));
    if (outcome == SentSteps.Outcome.IN_PROGRESS_ELSEWHERE) {
      throw new StepInProgressElsewhere(step);
    }
    return outcome;
  }

  String text(
      CaseSummary c, String caseRef, AlertKind kind, String receivingService, String processId) {
    StringBuilder text = new StringBuilder();
    text.append(kind.title()).append(": case ").append(caseRef).append("\n\n");
    text.append("What is overdue: ").append(kind.explanation()).append(".\n\n");
    text.append("Case: ").append(caseRef).append('\n');
    text.append("Police incident references: ").append(String.join(", ", c.incidentRefs()))
        .append('\n');
    text.append("Team: ").append(c.team()).append('\n');
    if (c.grade() != null) {
      text.append("Police grade: ").append(c.grade()).append('\n');
    }
    if (c.stage() != null) {
      text.append("Stage: ").append(c.stage()).append('\n');
    }
    if (c.responseDueAt() != null) {
      text.append("Response was due: ")
          .append(c.responseDueAt().atZoneSameInstant(zone).toOffsetDateTime()
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .append('\n');
    }
    if (receivingService != null) {
      ReceivingService service = ReceivingService.byName(receivingService);
      text.append("Receiving service: ")
          .append(service == null ? receivingService : service.displayName())
          .append('\n');
    }
    text.append("\nCockpit: ").append(properties.webappUrl())
        .append("/cockpit/default/#/process-instance/").append(processId).append("/runtime\n");
    text.append("Tasklist: ").append(properties.webappUrl()).append("/tasklist/default/\n");
    return text.toString();
  }
}
