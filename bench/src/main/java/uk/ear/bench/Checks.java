package uk.ear.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pass/fail lines of a reliability run: each with what was found, for the summary and the JSON. */
final class Checks {

  record Check(String name, boolean passed, String detail) {
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("passed", passed);
      m.put("detail", detail);
      return m;
    }
  }

  private final List<Check> checks = new ArrayList<>();

  synchronized void add(String name, boolean passed, String detail) {
    checks.add(new Check(name, passed, detail));
  }

  /** A check that could not be made (an exception): a failure. */
  synchronized void error(String name, Exception e) {
    checks.add(new Check(name, false, "could not check: " + e));
  }

  synchronized boolean allPassed() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  synchronized long failed() {
    return checks.stream().filter(c -> !c.passed()).count();
  }

  synchronized List<Map<String, Object>> asList() {
    return checks.stream().map(Check::asMap).toList();
  }

  synchronized String markdown() {
    StringBuilder md = new StringBuilder("| check | result | detail |\n|---|---|---|\n");
    for (Check c : checks) {
      md.append("| ").append(c.name()).append(" | ").append(c.passed() ? "pass" : "**FAIL**").append(" | ")
          .append(c.detail().replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    return md.toString();
  }

  /** At most {@code max} examples of a list, for a detail line. */
  static String sample(List<?> items, int max) {
    if (items.isEmpty()) {
      return "none";
    }
    String shown = items.subList(0, Math.min(max, items.size())).toString();
    return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
  }
}
