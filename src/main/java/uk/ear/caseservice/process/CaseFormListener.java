package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.forms.DeployedForms;
import uk.ear.caseservice.forms.FormDefinition;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.Teams;

/**
 * Base of the complete-task listeners behind each Camunda Form: checks the submitted values on the
 * server (the form's own checks run only in the browser), stores them in the case record, and
 * removes the free text from the process so that only ids and decision values stay there.
 * A rejected form throws {@link FormRejectedException}: the task stays open, nothing is stored.
 */
public abstract class CaseFormListener implements TaskListener {

  private final CaseRecords records;
  private final Clock clock;
  private final EarProperties properties;

  protected CaseFormListener(FormContext context) {
    this.records = context.records();
    this.clock = context.clock();
    this.properties = context.properties();
  }

  /** The service's settings, for rules that come from configuration. */
  protected EarProperties properties() {
    return properties;
  }

  /** What one submission stores, once every value has passed its checks. */
  @FunctionalInterface
  public interface Submission {
    void store(CaseRecords records, String caseRef, String user);
  }

  /** Reads and checks the form's values, reporting problems to {@code form}. */
  protected abstract Submission read(DelegateTask task, CaseRecord c, FormValues form);

  /** Form fields that are decision values the process routes on, kept as variables. */
  protected Set<String> decisionKeys() {
    return Set.of();
  }

  @Override
  public final void notify(DelegateTask task) {
    String caseRef = task.getExecution().getProcessBusinessKey();
    CaseRecord c = records.get(caseRef);
    FormValues form = new FormValues(task, clock, properties.zone(), deployedForm(task));
    List<String> tampered = tamperedVariables(task, c);
    if (!tampered.isEmpty()) {
      form.problem("These case values cannot be changed from a form: " + tampered + ".");
    }
    Submission submission = read(task, c, form);
    if (!form.problems().isEmpty()) {
      throw new FormRejectedException(task.getName(), form.problems());
    }
    submission.store(records, caseRef, userOf(task));
    List<String> remove = new ArrayList<>(form.keys());
    remove.removeAll(decisionKeys());
    task.getExecution().removeVariables(remove);
  }

  /** The task's deployed form: its fields are the rules, its labels what refusals quote. */
  public static FormDefinition deployedForm(DelegateTask task) {
    DeployedForms forms = DeployedForms.of(task.getProcessEngineServices().getFormService());
    return ServiceCommands.withoutAuthorization(() -> forms.ofTask(task))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "'" + task.getName() + "' (" + task.getTaskDefinitionKey()
                        + ") has no deployed Camunda Form"));
  }

  /**
   * The process's own variables must still say what the case record says. A process the case
   * calls (e.g. IntensiveSupport) holds only some of them; those it holds are checked.
   */
  private static List<String> tamperedVariables(DelegateTask task, CaseRecord c) {
    List<String> tampered = new ArrayList<>();
    check(tampered, task, CaseVariables.CASE_REF, c.getCaseRef());
    check(tampered, task, CaseVariables.TEAM, c.getTeam());
    check(
        tampered,
        task,
        CaseVariables.TEAM_GROUP,
        c.getTeam() == null ? null : Teams.groupOf(c.getTeam()));
    check(tampered, task, CaseVariables.ROUTE, c.getRoute().name());
    check(tampered, task, CaseVariables.GRADE, c.getGrade());
    check(tampered, task, CaseVariables.PRIORITY, c.getPriority());
    check(
        tampered,
        task,
        CaseVariables.RESPONSE_DUE_AT,
        c.getResponseDueAt() == null ? null : Date.from(c.getResponseDueAt()));
    return tampered;
  }

  private static void check(List<String> tampered, DelegateTask task, String key, Object expected) {
    if (task.hasVariable(key) && !Objects.equals(task.getVariable(key), expected)) {
      tampered.add(key);
    }
  }

  /** The task is completed by the Emergency Duty Team: a member of EDT, not of the case's team. */
  protected static boolean completedByEdt(DelegateTask task, CaseRecord c) {
    Authentication auth = authenticationOf(task);
    List<String> groups = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    return groups.contains(Teams.EDT_GROUP)
        && (c.getTeam() == null || !groups.contains(Teams.groupOf(c.getTeam())));
  }

  /** The Tasklist or REST user completing the task; the assignee when completed by the system. */
  public static String userOf(DelegateTask task) {
    Authentication auth = authenticationOf(task);
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /** Who is completing the task in Tasklist or over REST (none when the system completes it). */
  private static Authentication authenticationOf(DelegateTask task) {
    return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }
}
