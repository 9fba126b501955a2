package uk.ear.caseservice.closure;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.ear.caseservice.cases.CaseAccess;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.ClosureReason;
import uk.ear.caseservice.process.CaseProcess;
import uk.ear.caseservice.process.ServiceCommands;

/**
 * Asking to close a case before its work is done (the person moved away, died or declined
 * support): a worker of the case's team asks with a reason, the team's manager gets "Approve
 * early closure" and until then nothing stops. Asked through {@code POST
 * /api/cases/{caseRef}/closure-requests} or in Tasklist by starting "Request early closure".
 */
@Service
public class EarlyClosure {

  /** Why a request was not passed on; {@link #message} is written for the worker. */
  public static class Refused extends RuntimeException {
    public enum Why { NO_SUCH_CASE, CLOSED, ALREADY_CLOSING }

    private final Why why;

    Refused(Why why, String message) {
      super(message);
      this.why = why;
    }

    public Why why() {
      return why;
    }
  }

  private final CaseRepository cases;
  private final CaseAccess access;
  private final CaseRecords records;
  private final RuntimeService runtime;

  public EarlyClosure(
      CaseRepository cases, CaseAccess access, CaseRecords records, RuntimeService runtime) {
    this.cases = cases;
    this.access = access;
    this.records = records;
    this.runtime = runtime;
  }

  /** Passes the request to the case's process, which gives the team's manager the decision. */
  @Transactional
  public void request(
      String caseRef, ClosureReason reason, String note, String user, Set<String> groups) {
    CaseRecord c = cases.findByCaseRef(caseRef).orElse(null);
    if (c == null || !access.isOwnTeams(c, groups)) {
      throw new Refused(Refused.Why.NO_SUCH_CASE, "Your team has no case " + caseRef + ".");
    }
    if (!c.getStage().isOpen()) {
      throw new Refused(Refused.Why.CLOSED, "Case " + caseRef + " is closed already.");
    }
    try {
      // the team rule above decides; inside a Tasklist user's command the engine would otherwise
      // also ask for rights on the case's process instance, which workers do not hold
      ServiceCommands.withoutAuthorization(
          () ->
              runtime
                  .createMessageCorrelation(CaseProcess.CLOSURE_REQUESTED_MESSAGE)
                  .processInstanceBusinessKey(caseRef)
                  .setVariablesToTriggeredScope(
                      Map.of("requestedClosureReason", reason.name(), "requestedBy", user))
                  .correlateWithResult());
    } catch (MismatchingMessageCorrelationException closing) {
      throw new Refused(
          Refused.Why.ALREADY_CLOSING,
          "Case " + caseRef + " is already being closed: its manager has a request to decide.");
    }
    records.addEntry(caseRef, "CLOSURE_REQUESTED", null, reason.name(), null, note, user);
  }
}
