package uk.ear.caseservice.activity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The teams' named work, each a process of its own that a case calls with its reference as
 * business key. {@code outcomeVariables}: the decision values that say how it ended, latest first.
 */
public enum ActivityKind {
  RETURN_INTERVIEW("ReturnHomeInterview", "returnInterviewOutcome"),
  WELFARE_CHECK("WelfareCheck", "conferenceOutcome", "welfareOutcome"),
  DOMESTIC_ABUSE_RISK("DomesticAbuseRisk", "maracReferral"),
  PPU_JOINT_WORK("PpuJointWork", "jointWorkOutcome"),
  HOSPITAL_LIAISON("HospitalLiaison", "liaisonOutcome");

  private final String processKey;
  private final List<String> outcomeVariables;

  ActivityKind(String processKey, String... outcomeVariables) {
    this.processKey = processKey;
    this.outcomeVariables = List.of(outcomeVariables);
  }

  public String processKey() {
    return processKey;
  }

  /** How the activity's process says it ended, so far: its latest outcome variable that is set. */
  String outcomeIn(org.camunda.bpm.engine.delegate.VariableScope process) {
    return outcomeVariables.stream()
        .map(process::getVariable)
        .filter(java.util.Objects::nonNull)
        .map(Object::toString)
        .findFirst()
        .orElse(null);
  }

  public static Optional<ActivityKind> ofProcess(String processKey) {
    return Arrays.stream(values()).filter(k -> k.processKey.equals(processKey)).findFirst();
  }

  /** Every activity's process key: the case's team reads them, ModelConsistencyTest checks them. */
  public static List<String> processKeys() {
    return Arrays.stream(values()).map(ActivityKind::processKey).toList();
  }
}
