package uk.ear.caseservice.integrity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ExternalTaskQueryImpl;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ExtendLockOnExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.Teams;
import uk.ear.caseservice.forms.DeployedForms;
import uk.ear.caseservice.forms.FormDefinition;
import uk.ear.caseservice.forms.FormSubmission;
import uk.ear.caseservice.forms.WithheldValues;
import uk.ear.caseservice.process.FormRejectedException;
import uk.ear.caseservice.process.ServiceCommands;

/**
 * What each kind of account may ask of the engine, beyond its Camunda permissions:
 *
 * <ul>
 *   <li>A completion carries only its form: completing, resolving or submitting a task (and
 *       submitting a start form) with a variable that is not a field of the deployed form, or with
 *       a value the form does not offer, is refused and nothing changes. So gateways, timers and
 *       candidate groups read only what the service wrote, or what a form handler checked.
 *   <li>Nobody correlates messages, sends signals, starts a process other than from its start
 *       form, or changes who a task is offered to: the service does. People do not write process
 *       variables or work external tasks; administrators may, to repair a case in Cockpit.
 *   <li>{@code workers} fetch and lock, extend, complete, fail, raise BPMN errors on and unlock
 *       external tasks of their topics, and list the tasks their worker id holds. Nothing else, and
 *       no variables with it.
 *   <li>The police and hospital integrations use {@code /api} only: no engine command at all.
 * </ul>
 *
 * <p>Longer than most files on purpose: every rule about what callers may ask of the engine is in
 * this one place, to be read and reviewed together.
 */
@Component
public class CommandRules {

  /** The external-task topics of the models, which the workers serve. */
  public static final Set<String> WORKER_TOPICS =
      Set.of("ear-police-update", "ear-handover-pack", "ear-manager-alert");

  /** The service's alone: messages, signals, starts without a start form, who is offered a task. */
  private static final List<Class<?>> NOBODY_MAY =
      List.of(
          AbstractCorrelateMessageCmd.class,
          CorrelateAllMessageCmd.class,
          MessageEventReceivedCmd.class,
          SignalCmd.class,
          SignalEventReceivedCmd.class,
          StartProcessInstanceCmd.class,
          StartProcessInstanceAtActivitiesCmd.class,
          AddGroupIdentityLinkCmd.class,
          AddUserIdentityLinkCmd.class,
          DeleteGroupIdentityLinkCmd.class,
          DeleteUserIdentityLinkCmd.class,
          // a comment's text would stay in ACT_HI_COMMENT, outside the case record and its
          // retention: notes belong in the task's form (Tasklist's "Add Comment" is hidden)
          AddCommentCmd.class,
          UpdateCommentCmd.class);

  /** Administrators may repair a case's variables and external tasks in Cockpit; people may not. */
  private static final List<Class<?>> PEOPLE_MAY_NOT =
      List.of(
          SetTaskVariablesCmd.class,
          SetExecutionVariablesCmd.class,
          RemoveTaskVariablesCmd.class,
          RemoveExecutionVariablesCmd.class,
          PatchTaskVariablesCmd.class,
          PatchExecutionVariablesCmd.class,
          // the police updates, handover packs and alerts are the workers' to send
          FetchExternalTasksCmd.class,
          CompleteExternalTaskCmd.class,
          HandleExternalTaskFailureCmd.class,
          HandleExternalTaskBpmnErrorCmd.class,
          ExtendLockOnExternalTaskCmd.class,
          UnlockExternalTaskCmd.class);

  private final TaskService tasks;
  private final RepositoryService repository;
  private final FormService formService;

  public CommandRules(
      @Lazy TaskService tasks, @Lazy RepositoryService repository, @Lazy FormService formService) {
    this.tasks = tasks;
    this.repository = repository;
    this.formService = formService;
  }

  /**
   * Refuses what the caller may not ask; returns the free text of a form submission, which the
   * command then runs without (see {@link WithheldValues}).
   */
  Map<String, Object> check(Command<?> command, Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.contains(Teams.POLICE_GROUP) || groups.contains(Teams.HOSPITAL_GROUP)) {
      throw refused(caller, "an integration account has no access to the process engine");
    }
    if (groups.contains(Teams.WORKERS_GROUP)) {
      checkWorkers(command, caller);
      return Map.of();
    }
    if (groups.contains(Teams.BENCHMARK_GROUP)) {
      checkBenchmark(command, caller);
      return Map.of();
    }
    if (command instanceof CompleteTaskCmd) {
      FormDefinition form =
          checkCompletion(
              CommandFields.read(command, "taskId"), CommandFields.read(command, "variables"));
      return withhold(command, "variables", form);
    } else if (command instanceof SubmitTaskFormCmd) {
      FormDefinition form =
          checkCompletion(
              CommandFields.read(command, "taskId"), CommandFields.read(command, "properties"));
      return withhold(command, "properties", form);
    } else if (command instanceof SubmitStartFormCmd) {
      FormDefinition form =
          checkStart(
              CommandFields.read(command, "processDefinitionId"),
              CommandFields.read(command, "variables"));
      return withhold(command, "variables", form);
    } else if (isAny(command, NOBODY_MAY)
        || (!groups.contains(Teams.ADMIN_GROUP) && isAny(command, PEOPLE_MAY_NOT))) {
      throw refused(
          caller,
          "case data and routing are written by the service: complete the task's form, or use /api");
    }
    return Map.of();
  }

  /**
   * Takes the form's free text out of the command's variables and returns it: the task's handler
   * reads it from {@link WithheldValues} and stores it in the case record, so the engine never
   * writes it to a table (variables, their history, form property history).
   */
  private static Map<String, Object> withhold(Command<?> command, String field, FormDefinition form) {
    Map<String, Object> variables = CommandFields.read(command, field);
    if (form == null || variables == null || variables.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> withheld = new java.util.HashMap<>();
    VariableMap kept = Variables.createVariables();
    for (String key : variables.keySet()) {
      boolean freeText = form.field(key).map(WithheldValues::isWithheld).orElse(false);
      if (freeText) {
        withheld.put(key, variables.get(key));
      } else if (variables instanceof VariableMap typed) {
        kept.putValueTyped(key, typed.getValueTyped(key));
      } else {
        kept.put(key, variables.get(key));
      }
    }
    if (!withheld.isEmpty()) {
      CommandFields.write(command, field, kept);
    }
    return withheld;
  }

  /** The task's form, once the variables passed its check; null when there is nothing to check. */
  private FormDefinition checkCompletion(String taskId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return null;
    }
    // as the caller sees it: a task they may not see is the engine's to refuse, without a word
    // from its form
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return null;
    }
    FormDefinition form =
        ServiceCommands.withoutAuthorization(() -> DeployedForms.of(formService).ofTask(task))
            .orElse(FormDefinition.NONE);
    List<String> problems =
        FormSubmission.problems(
            form,
            variables,
            key -> ServiceCommands.withoutAuthorization(() -> tasks.getVariable(taskId, key)));
    if (!problems.isEmpty()) {
      throw new FormRejectedException(task.getName(), problems);
    }
    return form;
  }

  private FormDefinition checkStart(String processDefinitionId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return null;
    }
    ProcessDefinition definition =
        ServiceCommands.withoutAuthorization(
            () -> repository.getProcessDefinition(processDefinitionId));
    FormDefinition form =
        ServiceCommands.withoutAuthorization(() -> DeployedForms.of(formService).ofStart(processDefinitionId))
            .orElse(FormDefinition.NONE);
    List<String> problems = FormSubmission.problems(form, variables, key -> null);
    if (!problems.isEmpty()) {
      throw new FormRejectedException(
          definition.getName() == null ? definition.getKey() : definition.getName(), problems);
    }
    return form;
  }

  private static void checkWorkers(Command<?> command, Authentication caller) {
    if (command instanceof FetchExternalTasksCmd) {
      Map<String, ?> topics = CommandFields.read(command, "fetchInstructions");
      if (topics != null && !WORKER_TOPICS.containsAll(topics.keySet())) {
        throw refused(caller, "the workers serve only the topics " + new java.util.TreeSet<>(WORKER_TOPICS));
      }
    } else if (command instanceof CompleteExternalTaskCmd
        || command instanceof HandleExternalTaskFailureCmd
        || command instanceof HandleExternalTaskBpmnErrorCmd) {
      if (!isEmpty(CommandFields.read(command, "variables"))
          || (!(command instanceof HandleExternalTaskBpmnErrorCmd)
              && !isEmpty(CommandFields.read(command, "localVariables")))) {
        throw refused(caller, "the workers report done or failed; they do not write case variables");
      }
    } else if (command instanceof ExternalTaskQueryImpl query) {
      if (CommandFields.read(query, "workerId") == null) {
        throw refused(caller, "the workers list only the tasks their own worker id holds");
      }
    } else if (!(command instanceof ExtendLockOnExternalTaskCmd
        || command instanceof UnlockExternalTaskCmd)) {
      throw refused(caller, "the workers work external tasks only");
    }
  }

  /**
   * The benchmark's account ({@code bench/}) measures the bare engine beside the intake: it starts
   * process instances (Camunda authorizations name the only definitions it may start, the
   * benchmark's own), completes tasks without variables and runs queries (what Camunda lets it
   * read: its own definitions and tasks). Nothing else.
   */
  private static void checkBenchmark(Command<?> command, Authentication caller) {
    boolean allowed =
        command instanceof StartProcessInstanceCmd
            || command instanceof Query<?, ?>
            || (command instanceof CompleteTaskCmd
                && isEmpty(CommandFields.read(command, "variables")));
    if (!allowed) {
      throw refused(caller, "the benchmark account starts its own processes and completes their tasks only");
    }
  }

  private static boolean isAny(Command<?> command, List<Class<?>> types) {
    return types.stream().anyMatch(type -> type.isInstance(command));
  }

  private static boolean isEmpty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }

  private static AuthorizationException refused(Authentication caller, String why) {
    return new AuthorizationException("Refused for '" + caller.getUserId() + "': " + why + ".");
  }
}
