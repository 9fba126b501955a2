package uk.ear.caseservice.process;

import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.Admission;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.Incident;
import uk.ear.caseservice.shared.EarProperties;

/**
 * The only place that starts or signals the {@code EarlyActionCase} process. Process variables
 * are ids and small decision values; the case record stays in the service's tables.
 */
@Component
public class CaseProcess {

  public static final String PROCESS_KEY = "EarlyActionCase";
  /**
   * The case's process and every process it calls (same business key, the case reference): the
   * team reads them, the workers work their external tasks. A new called process goes here too
   * ({@code ModelConsistencyTest} checks that every call activity's process is listed).
   */
  public static final java.util.List<String> CASE_PROCESSES =
      java.util.List.of(
          PROCESS_KEY,
          "IntensiveSupport",
          "Handover",
          // the teams' activities (activity.ActivityKind; ModelConsistencyTest keeps them alike)
          "ReturnHomeInterview",
          "WelfareCheck",
          "DomesticAbuseRisk",
          "PpuJointWork",
          "HospitalLiaison");
  public static final String REPEAT_INCIDENT_MESSAGE = "RepeatIncidentReported";
  public static final String HOSPITAL_ADMISSION_MESSAGE = "HospitalAdmissionReported";
  public static final String CLOSURE_REQUESTED_MESSAGE = "CaseClosureRequested";
  /** The process a worker starts in Tasklist to ask for an early closure. */
  public static final String CLOSURE_REQUEST_KEY = "RequestCaseClosure";

  private final RuntimeService runtime;
  private final AuthorizationService authorizations;
  private final TeamDirectory teams;
  private final ZoneId zone;

  public CaseProcess(
      RuntimeService runtime,
      AuthorizationService authorizations,
      TeamDirectory teams,
      EarProperties properties) {
    this.runtime = runtime;
    this.authorizations = authorizations;
    this.teams = teams;
    this.zone = properties.zone();
  }

  /** Starts the case's process; joins the caller's transaction. Returns the instance id. */
  public String start(CaseRecord c, Incident firstCall) {
    Map<String, Object> vars = caseVariables(c);
    vars.put(CaseVariables.INCIDENT_REF, firstCall.getIncidentRef());
    vars.put(CaseVariables.CHILD_INVOLVED, firstCall.involvesChild(zone));
    return start(c, vars);
  }

  /**
   * Starts the process of a case a hospital's admission opened: the liaison with the hospital
   * comes first, for the group and by the time the intake decided.
   */
  public String startForAdmission(CaseRecord c, Admission admission) {
    Map<String, Object> vars = caseVariables(c);
    vars.put(CaseVariables.INCIDENT_REF, null);
    vars.put(CaseVariables.ADMISSION_REF, admission.getAdmissionRef());
    vars.put(CaseVariables.CHILD_INVOLVED, admission.involvesChild());
    vars.put(CaseVariables.LIAISON_GROUP, admission.getLiaisonGroup());
    vars.put(
        CaseVariables.LIAISON_DUE_AT,
        admission.getLiaisonDueAt() == null ? null : Date.from(admission.getLiaisonDueAt()));
    return start(c, vars);
  }

  private Map<String, Object> caseVariables(CaseRecord c) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(CaseVariables.CASE_REF, c.getCaseRef());
    vars.put(CaseVariables.TEAM, c.getTeam());
    vars.put(CaseVariables.TEAM_GROUP, c.getTeam() == null ? null : teams.groupOf(c.getTeam()));
    vars.put(CaseVariables.ROUTE, c.getRoute().name());
    vars.put(CaseVariables.GRADE, c.getGrade());
    vars.put(CaseVariables.CATEGORY, c.getCategory().name());
    vars.put(CaseVariables.DISTRICT, c.getDistrict().name());
    vars.put(
        CaseVariables.RESPONSE_DUE_AT,
        c.getResponseDueAt() == null ? null : Date.from(c.getResponseDueAt()));
    vars.put(CaseVariables.PRIORITY, c.getPriority());
    vars.put(CaseVariables.ALLOCATED_WORKER, null);
    vars.put(
        CaseVariables.SECOND_ESCALATION_AT,
        c.getSecondEscalationAt() == null ? null : Date.from(c.getSecondEscalationAt()));
    return vars;
  }

  private String start(CaseRecord c, Map<String, Object> vars) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(PROCESS_KEY)
            .businessKey(c.getCaseRef())
            .setVariables(vars)
            .execute();
    if (c.getTeam() != null) {
      grantTeamRead(instance.getId(), teams.groupOf(c.getTeam()));
    }
    return instance.getId();
  }

  /** A hospital admission joined an open case: the liaison with the hospital runs in it. */
  public void reportAdmission(CaseRecord c, Admission admission) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(CaseVariables.ADMISSION_REF, admission.getAdmissionRef());
    vars.put(CaseVariables.LIAISON_GROUP, admission.getLiaisonGroup());
    vars.put(CaseVariables.LIAISON_DUE_AT, Date.from(admission.getLiaisonDueAt()));
    runtime
        .createMessageCorrelation(HOSPITAL_ADMISSION_MESSAGE)
        .processInstanceBusinessKey(c.getCaseRef())
        .setVariablesToTriggeredScope(vars)
        .correlateWithResult();
  }

  /** A new call joined an open case: the allocated worker gets a task to review it. */
  public void reportRepeatIncident(CaseRecord c, Incident call, int priority) {
    runtime
        .createMessageCorrelation(REPEAT_INCIDENT_MESSAGE)
        .processInstanceBusinessKey(c.getCaseRef())
        .setVariablesToTriggeredScope(
            Map.of(
                CaseVariables.REPEAT_INCIDENT_REF, call.getIncidentRef(),
                CaseVariables.REPEAT_RESPONSE_DUE_AT, Date.from(call.getResponseDueAt()),
                CaseVariables.REPEAT_PRIORITY, priority))
        .correlateWithResult();
  }

  /**
   * The team may see its own case's instances in Cockpit and through /engine-rest, no other: the
   * case's own and every process it calls (see {@link TeamReadsCalledProcesses}).
   */
  void grantTeamRead(String processInstanceId, String teamGroup) {
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(teamGroup);
    read.setResource(Resources.PROCESS_INSTANCE);
    read.setResourceId(processInstanceId);
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
