package uk.ear.caseservice.shared;

import java.util.Locale;

/** Team names and their Camunda groups: team {@code PRESTON} works as group {@code ear-preston}. */
public final class Teams {

  public static final String GROUP_PREFIX = "ear-";
  public static final String MANAGERS_GROUP = "ear-managers";
  public static final String EDT_GROUP = "emergency-duty-team";
  public static final String POLICE_GROUP = "police-integration";
  public static final String WORKERS_GROUP = "workers";
  public static final String HOSPITAL_GROUP = "hospital-liaison";
  public static final String ADMIN_GROUP = "camunda-admin";
  /**
   * The benchmark's own service account ({@code bench/}): exists only where a benchmark run has
   * created it; starts and completes only what Camunda authorizations grant it.
   */
  public static final String BENCHMARK_GROUP = "benchmark";

  private Teams() {}

  public static String groupOf(String team) {
    return GROUP_PREFIX + team.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The team a group stands for, or null if it is not a team group. */
  public static String teamOfGroup(String groupId) {
    if (groupId == null || !groupId.startsWith(GROUP_PREFIX) || groupId.equals(MANAGERS_GROUP)) {
      return null;
    }
    return groupId.substring(GROUP_PREFIX.length()).toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
