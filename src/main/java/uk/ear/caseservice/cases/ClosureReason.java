package uk.ear.caseservice.cases;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Why a case may be closed before its work is done (a manager approves each). */
public enum ClosureReason {
  MOVED_AWAY,
  DIED,
  DECLINED_SUPPORT,
  OTHER;

  public static Set<String> names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
