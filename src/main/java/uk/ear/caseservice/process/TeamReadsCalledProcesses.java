package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.engine.EveryCalledProcess;

/**
 * A process called from a case (IntensiveSupport, Handover, and any a designer adds) is readable
 * by the case's team, as the case's own instance is, so Cockpit drills down from the case. The
 * call activity passes {@code teamGroup} in; the grant is the service's own act, made whoever
 * completed the task that led here.
 */
@Component
class TeamReadsCalledProcesses implements EveryCalledProcess {

  private final CaseProcess process;

  TeamReadsCalledProcesses(CaseProcess process) {
    this.process = process;
  }

  @Override
  public void started(DelegateExecution execution, String processKey) {
    Object teamGroup = execution.getVariable(CaseVariables.TEAM_GROUP);
    if (teamGroup != null) {
      ServiceCommands.withoutAuthorization(
          () -> {
            process.grantTeamRead(execution.getProcessInstanceId(), teamGroup.toString());
            return null;
          });
    }
  }
}
