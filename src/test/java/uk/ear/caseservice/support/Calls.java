package uk.ear.caseservice.support;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Police calls for tests: the contract's example, with a unique reference and person each time. */
public final class Calls {

  private Calls() {}

  public static String uniqueRef() {
    return "LC-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
  }

  /** A fictional person nobody else in the test run has, so calls do not join each other. */
  public static Map<String, Object> person() {
    return person("Jamie " + UUID.randomUUID().toString().substring(0, 8), "2009-05-17", "CHILD");
  }

  public static Map<String, Object> person(String name, String dateOfBirth, String role) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("dateOfBirth", dateOfBirth);
    p.put("role", role);
    return p;
  }

  /** The contract's example call, logged ten minutes ago by the service's (engine) clock. */
  public static Map<String, Object> call() {
    return call(uniqueRef(), 2, "PRESTON", OffsetDateTime.now(new uk.ear.caseservice.policy.EngineClock(ZoneId.of("Europe/London"))).minusMinutes(10));
  }

  public static Map<String, Object> call(
      String incidentRef, int grade, String district, OffsetDateTime reportedAt) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("incidentRef", incidentRef);
    call.put("reportedAt", reportedAt.truncatedTo(ChronoUnit.SECONDS).toString());
    call.put("grade", grade);
    call.put("category", "MISSING_PERSON");
    call.put("district", district);
    call.put("location", "12 Example Street, Preston PR1 1AA");
    call.put("subjects", List.of(person()));
    call.put("summary", "15-year-old returned home after 2 days missing; parent reports concerns.");
    call.put("officer", Map.of("collarNumber", "PC1234", "name", "PC Example"));
    return call;
  }

  public static Map<String, Object> with(Map<String, Object> call, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(call);
    copy.put(key, value);
    return copy;
  }
}
