package uk.ear.caseservice.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.ear.caseservice.forms.FormDefinition;
import uk.ear.caseservice.forms.FormField;
import uk.ear.caseservice.forms.SubmittedValues;

/**
 * Reads and checks what a Camunda Form submitted: the browser's checks are a convenience, these
 * are the rules. Collects every problem so the worker can fix them all at once.
 */
final class FormValues {

  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private final VariableScope scope;
  private final Clock clock;
  private final ZoneId zone;
  private final FormDefinition form;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> read = new LinkedHashSet<>();

  FormValues(VariableScope scope, Clock clock, ZoneId zone) {
    this(scope, clock, zone, null);
  }

  /** With the deployed form: messages quote its labels, whatever the caller calls the field. */
  FormValues(VariableScope scope, Clock clock, ZoneId zone, FormDefinition form) {
    this.scope = scope;
    this.clock = clock;
    this.zone = zone;
    this.form = form;
  }

  /** The field's label as the worker sees it on the deployed form; {@code fallback} without one. */
  String label(String key, String fallback) {
    return form == null ? fallback : form.field(key).map(FormField::label).orElse(fallback);
  }

  /** Free text, trimmed; null when empty and optional. */
  String text(String key, String label, int maxLength, boolean required) {
    read.add(key);
    label = label(key, label);
    Object value = scope.getVariable(key);
    if (value != null && !(value instanceof String)) {
      problems.add("'" + label + "' must be text.");
      return null;
    }
    String text = value == null ? null : ((String) value).strip();
    if (missing(text, label, required)) {
      return null;
    }
    if (text.length() > maxLength) {
      problems.add("'" + label + "' must be at most " + maxLength + " characters.");
    }
    return text;
  }

  /** One of the form's options. */
  String choice(String key, String label, Set<String> allowed, boolean required) {
    read.add(key);
    label = label(key, label);
    Object value = scope.getVariable(key);
    if (missing(value, label, required)) {
      return null;
    }
    if (!(value instanceof String s) || !allowed.contains(s)) {
      problems.add("'" + label + "' must be one of " + sorted(allowed) + ".");
      return null;
    }
    return s;
  }

  /** A whole number within bounds (Tasklist sends Integer, or Double/Long from other clients). */
  Integer number(String key, String label, int min, int max, boolean required) {
    read.add(key);
    label = label(key, label);
    Object value = scope.getVariable(key);
    if (missing(value, label, required)) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      problems.add("'" + label + "' must be a whole number.");
      return null;
    }
    int number = n.intValue();
    if (number < min || number > max) {
      problems.add("'" + label + "' must be between " + min + " and " + max + ".");
      return null;
    }
    return number;
  }

  /**
   * The ticked options of a checklist: Tasklist submits a JSON array (a Spin value), other
   * clients may send a list or a JSON string. At least one, each one of {@code allowed}.
   */
  java.util.List<String> options(String key, String label, Set<String> allowed) {
    read.add(key);
    label = label(key, label);
    Object value = scope.getVariable(key);
    java.util.List<String> ticked = value == null ? java.util.List.of() : SubmittedValues.asList(value);
    if (ticked == null) {
      problems.add("'" + label + "' must be a list of options.");
      return java.util.List.of();
    }
    if (ticked.isEmpty()) {
      problems.add("'" + label + "': choose at least one.");
    } else if (!allowed.containsAll(ticked)) {
      problems.add("'" + label + "' must be among " + sorted(allowed) + ".");
    }
    return java.util.List.copyOf(new java.util.LinkedHashSet<>(ticked));
  }

  /** Nothing given (absent or blank): a problem if the field is required. */
  private boolean missing(Object value, String label, boolean required) {
    boolean missing = value == null || (value instanceof String s && s.isBlank());
    if (missing && required) {
      problems.add("'" + label + "' is required.");
    }
    return missing;
  }

  /** The options in a message: sorted, the same every time whatever order the set keeps. */
  private static String sorted(Set<String> allowed) {
    return String.join(", ", new java.util.TreeSet<>(allowed));
  }

  /** A checkbox: absent means unticked. */
  boolean flag(String key, String label) {
    read.add(key);
    label = label(key, label);
    Object value = scope.getVariable(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problems.add("'" + label + "' must be yes or no.");
    return false;
  }

  /**
   * A date and time, not in the future. Tasklist sends {@code 2026-11-23T10:00} with no offset:
   * that is local time in Europe/London. An explicit offset is honoured.
   */
  Instant pastDateTime(String key, String label, boolean required) {
    read.add(key);
    label = label(key, label);
    Object value = scope.getVariable(key);
    if (missing(value, label, required)) {
      return null;
    }
    Instant at;
    try {
      at = parseDateTime(value);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      problems.add("'" + label + "' must be a date and time like 2026-11-23T10:00.");
      return null;
    }
    if (at.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
      problems.add("'" + label + "' cannot be in the future.");
    }
    return at;
  }

  private Instant parseDateTime(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("not a date");
    }
    String text = s.strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException noOffset) {
      return londonTime(LocalDateTime.parse(text));
    }
  }

  /**
   * A wall-clock time as Tasklist sends it. In the hour the clocks go back, 01:30 happens twice:
   * read it as the later one (GMT), so a late visit is never recorded as in time, unless the later
   * one has not happened yet. A time in the hour skipped in spring is moved on by the gap.
   */
  private Instant londonTime(LocalDateTime local) {
    ZonedDateTime earlier = local.atZone(zone).withEarlierOffsetAtOverlap();
    ZonedDateTime later = earlier.withLaterOffsetAtOverlap();
    return later.toInstant().isAfter(clock.instant().plus(CLOCK_TOLERANCE))
        ? earlier.toInstant()
        : later.toInstant();
  }

  /** Adds a rule of the task's own (e.g. the visit cannot be before the call). */
  void problem(String message) {
    problems.add(message);
  }

  List<String> problems() {
    return problems;
  }

  /** The keys read so far: free text and dates are removed from the process once stored. */
  Set<String> keys() {
    return read;
  }
}
