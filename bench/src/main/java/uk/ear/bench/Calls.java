package uk.ear.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Police calls as the contract describes them, each with its own incident reference and a subject
 * nobody else has (so every call opens a case; the duplicate-person lookup still runs). Preston
 * and Burnley (the districts with a team), grades 2 and 3, the categories in turn.
 */
final class Calls {

  private static final String[] CATEGORIES = {
    "CONCERN_FOR_SAFETY", "MISSING_PERSON", "VULNERABLE_CHILD", "VULNERABLE_ADULT",
    "CHILD_SEXUAL_EXPLOITATION", "DOMESTIC_ABUSE", "YOUTH_OFFENDING", "MENTAL_HEALTH"
  };

  private final String run;
  private final AtomicLong next = new AtomicLong();

  Calls(String run) {
    this.run = run;
  }

  /** The next call, logged by the police two minutes ago. */
  String next() {
    return next(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2), null);
  }

  /** The next call logged at {@code reportedAt}; {@code grade} null for grade 2 or 3 in turn. */
  String next(OffsetDateTime reportedAt, Integer grade) {
    long n = next.incrementAndGet();
    return Json.write(call(incidentRef(n), reportedAt, grade == null ? (n % 3 == 0 ? 3 : 2) : grade, n));
  }

  String incidentRef(long n) {
    return "B-" + run + "-" + n;
  }

  long issued() {
    return next.get();
  }

  Map<String, Object> call(String incidentRef, OffsetDateTime reportedAt, int grade, long n) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("incidentRef", incidentRef);
    call.put("reportedAt", reportedAt.truncatedTo(ChronoUnit.SECONDS).toString());
    call.put("grade", grade);
    call.put("category", CATEGORIES[(int) (n % CATEGORIES.length)]);
    call.put("district", n % 2 == 0 ? "PRESTON" : "BURNLEY");
    call.put("location", n + " Benchmark Street, Preston PR1 1AA");
    call.put(
        "subjects",
        List.of(
            Map.of(
                "name", "Bench Person " + run + " " + n,
                "dateOfBirth", LocalDate.of(1950, 1, 1).plusDays(n % 20000).toString(),
                "role", "ADULT")));
    call.put("summary", "Benchmark call " + n + ": concern for safety reported by a neighbour.");
    call.put("officer", Map.of("collarNumber", "PC" + (1000 + n % 9000), "name", "PC Bench"));
    return call;
  }
}
