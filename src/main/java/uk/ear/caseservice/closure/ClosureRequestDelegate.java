package uk.ear.caseservice.closure;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRefs;
import uk.ear.caseservice.cases.ClosureReason;
import uk.ear.caseservice.forms.DeployedForms;
import uk.ear.caseservice.forms.FormDefinition;
import uk.ear.caseservice.process.FormRejectedException;
import uk.ear.caseservice.process.FormValues;
import uk.ear.caseservice.process.ServiceCommands;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Task_PassRequestToManager of RequestCaseClosure: checks the start form on the server and passes
 * the request to the case. Anything wrong refuses the start (nothing is stored) with a message
 * Tasklist shows.
 */
@Component("closureRequestDelegate")
class ClosureRequestDelegate implements JavaDelegate {

  static final String FORM = "Request early closure";

  private final EarlyClosure earlyClosure;
  private final Clock clock;
  private final EarProperties properties;

  ClosureRequestDelegate(EarlyClosure earlyClosure, Clock clock, EarProperties properties) {
    this.earlyClosure = earlyClosure;
    this.clock = clock;
    this.properties = properties;
  }

  /** The start form the worker filled in: its fields are the rules. */
  private FormDefinition startForm(DelegateExecution execution) {
    DeployedForms forms = DeployedForms.of(execution.getProcessEngineServices().getFormService());
    return ServiceCommands.withoutAuthorization(() -> forms.ofStart(execution.getProcessDefinitionId()))
        .orElseThrow(() -> new IllegalStateException(FORM + " has no deployed start form"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues form =
        new FormValues(execution, clock, properties.zone(), startForm(execution));
    String caseRef = form.text("caseRef");
    if (caseRef != null && !CaseRefs.looksLikeCaseRef(caseRef)) {
      // never echoed back: Tasklist shows messages as HTML
      form.problem("'" + form.label("caseRef") + "' must look like EAR-2026-000123.");
    }
    String reason = form.choice("requestedClosureReason");
    String note = form.text("closureRequestNote");
    Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      form.problem("Only a signed-in worker of the case's team can ask to close it.");
    }
    if (!form.problems().isEmpty()) {
      throw new FormRejectedException(FORM, form.problems());
    }
    String ref = caseRef.toUpperCase(java.util.Locale.ROOT);
    Set<String> groups = new HashSet<>(user.getGroupIds() == null ? List.of() : user.getGroupIds());
    try {
      earlyClosure.request(ref, ClosureReason.valueOf(reason), note, user.getUserId(), groups);
    } catch (EarlyClosure.Refused refused) {
      throw new FormRejectedException(FORM, List.of(refused.getMessage()));
    }
    // the request is on the case now: this instance keeps only which case it was about
    execution.setProcessBusinessKey(ref);
    execution.removeVariable("closureRequestNote");
  }
}
