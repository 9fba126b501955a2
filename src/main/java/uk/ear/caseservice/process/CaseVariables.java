package uk.ear.caseservice.process;

/** Names of the EarlyActionCase process variables: ids and small decision values only. */
public final class CaseVariables {
  public static final String CASE_REF = "caseRef";
  public static final String INCIDENT_REF = "incidentRef";
  public static final String TEAM = "team";
  public static final String TEAM_GROUP = "teamGroup";
  public static final String ROUTE = "route";
  public static final String GRADE = "grade";
  public static final String CATEGORY = "category";
  public static final String DISTRICT = "district";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String PRIORITY = "priority";
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  public static final String CHILD_INVOLVED = "childInvolved";
  public static final String SECOND_ESCALATION_AT = "secondEscalationAt";
  public static final String VISITED_OUT_OF_HOURS = "visitedOutOfHours";
  public static final String REPEAT_INCIDENT_REF = "repeatIncidentRef";
  public static final String REPEAT_RESPONSE_DUE_AT = "repeatResponseDueAt";
  public static final String REPEAT_PRIORITY = "repeatPriority";
  public static final String ADMISSION_REF = "admissionRef";
  /** Who liaises with the hospital: the team's group, or EDT out of hours. */
  public static final String LIAISON_GROUP = "liaisonGroup";
  public static final String LIAISON_DUE_AT = "liaisonDueAt";


  private CaseVariables() {}
}
