package uk.ear.workers.handover;

import org.springframework.stereotype.Service;
import uk.ear.workers.caseservice.CaseServiceClient;
import uk.ear.workers.caseservice.HandoverPack;
import uk.ear.workers.idempotency.SentSteps;
import uk.ear.workers.idempotency.StepInProgressElsewhere;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.mail.Mailer;
import uk.ear.workers.task.BusinessError;

/**
 * Mails the handover pack (PDF) to the receiving service, once per process step. The mail's own
 * text carries references only; the people are in the attachment.
 */
@Service
public class HandoverService {

  public static final String TOPIC = "ear-handover-pack";
  public static final String UNKNOWN_RECEIVING_SERVICE = "UNKNOWN_RECEIVING_SERVICE";

  private final HandoverProperties properties;
  private final CaseServiceClient cases;
  private final HandoverPdf pdf;
  private final Mailer mailer;
  private final SentSteps sentSteps;

  public HandoverService(
      HandoverProperties properties,
      CaseServiceClient cases,
      HandoverPdf pdf,
      Mailer mailer,
      SentSteps sentSteps) {
    this.properties = properties;
    this.cases = cases;
    this.pdf = pdf;
    this.mailer = mailer;
    this.sentSteps = sentSteps;
  }

  /** The service of this variable value that has an address, or the BPMN error. */
  public ReceivingService receivingService(String value) {
    ReceivingService service = ReceivingService.byName(value);
    if (service == null) {
      throw new BusinessError(
          UNKNOWN_RECEIVING_SERVICE,
          "Receiving service '" + value + "' is not one the workers know");
    }
    if (!properties.addresses().containsKey(service)) {
      throw new BusinessError(
          UNKNOWN_RECEIVING_SERVICE,
          "No address configured for receiving service " + service.name()
              + " (workers.handover.addresses." + service.name() + ")");
    }
    return service;
  }

  public SentSteps.Outcome send(
      StepKey step, String externalTaskId, String caseRef, String receivingService) {
    ReceivingService to = receivingService(receivingService);
    if (sentSteps.wasSent(step)) {
      return SentSteps.Outcome.ALREADY_SENT;
    }
    HandoverPack pack = cases.getHandoverPack(caseRef);
    Mailer.Mail mail =
        new Mailer.Mail(
            properties.addresses().get(to),
            "EAR handover: " + caseRef + " to " + to.displayName(),
            text(pack, caseRef, to),
            step.external(),
            new Mailer.Attachment("EAR-handover-" + caseRef + ".pdf", pdf.render(pack, to)));
    SentSteps.Outcome outcome =
        sentSteps.sendOnce(step, TOPIC, caseRef, externalTaskId, () -> mailer.send(mail));
    if (outcome == SentSteps.Outcome.IN_PROGRESS_ELSEWHERE) {
      throw new StepInProgressElsewhere(step);
    }
    return outcome;
  }

  /** The mail's text: references and facts only, never names or dates of birth. */
  static String text(HandoverPack pack, String caseRef, ReceivingService to) {
    return "EAR handover to " + to.displayName() + "\n\n"
        + "Case: " + caseRef + "\n"
        + "Police incident references: " + String.join(", ", pack.incidentRefs()) + "\n"
        + "EAR team: " + pack.team() + "\n"
        + "District: " + pack.district() + "\n"
        + "Category: " + pack.category() + "\n\n"
        + "The handover summary is attached as a PDF. It contains personal data: keep it in\n"
        + "your service's case record, not in a shared mailbox, and do not forward it.\n\n"
        + "Please acknowledge the handover to the EAR team.\n";
  }
}
