package uk.ear.caseservice.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.ear.caseservice.forms.FormDefinition;
import uk.ear.caseservice.forms.FormField;
import uk.ear.caseservice.forms.SubmittedValues;
import uk.ear.caseservice.forms.WithheldValues;

/**
 * Reads and checks what a Camunda Form submitted, by the rules of the deployed form itself: its
 * labels, which fields are required, their lengths, options and bounds. The browser's checks are
 * a convenience, these are the rules; and since both come from the one {@code .form}, what the
 * worker reads on the form is what a refusal quotes. Collects every problem so the worker can fix
 * them all at once. Reading a key the form does not have is a fault of the handler, not of the
 * worker: it fails loudly.
 *
 * <p>Longer than most files on purpose: one reader per kind of form field, kept together so that
 * every refusal is phrased the same way.
 */
public final class FormValues {

  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private final VariableScope scope;
  private final Clock clock;
  private final ZoneId zone;
  private final FormDefinition form;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> read = new LinkedHashSet<>();

  public FormValues(VariableScope scope, Clock clock, ZoneId zone, FormDefinition form) {
    this.scope = scope;
    this.clock = clock;
    this.zone = zone;
    this.form = form;
  }

  /** The field's label as the worker reads it on the form. */
  public String label(String key) {
    return field(key).label();
  }

  /** Free text, trimmed; null when empty (and a problem when the form requires it). */
  public String text(String key) {
    return text(key, field(key).required());
  }

  /** As {@link #text(String)}, required or not whatever the form says (a field it may hide). */
  public String text(String key, boolean required) {
    FormField field = use(key);
    Object value = value(key);
    if (value != null && !(value instanceof String)) {
      problems.add(quote(field) + " must be text.");
      return null;
    }
    String text = value == null ? null : ((String) value).strip();
    if (missing(text, field, required)) {
      return null;
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      problems.add(quote(field) + " must be at most " + field.maxLength() + " characters.");
    }
    return text;
  }

  /** One of the form's options. */
  public String choice(String key) {
    return choice(key, field(key).required());
  }

  /** As {@link #choice(String)}, required or not whatever the form says (e.g. required when sharing). */
  public String choice(String key, boolean required) {
    FormField field = use(key);
    Object value = value(key);
    if (missing(value, field, required)) {
      return null;
    }
    if (!(value instanceof String s) || !field.options().contains(s)) {
      problems.add(quote(field) + " must be one of " + sorted(field) + ".");
      return null;
    }
    return s;
  }

  /** A whole number within the form's bounds (Tasklist sends Integer, other clients Long or Double). */
  public Integer number(String key) {
    FormField field = field(key);
    return number(key, field.required(), field.max() == null ? Integer.MAX_VALUE : field.max().intValue());
  }

  /**
   * As {@link #number(String)}, with the upper bound from the service's configuration: the form's
   * own bound only helps the browser.
   */
  public Integer number(String key, boolean required, int max) {
    FormField field = field(key);
    return number(key, required, field.min() == null ? Integer.MIN_VALUE : field.min().intValue(), max);
  }

  /** As {@link #number(String, boolean, int)}, for a choice of numbers (a select of weeks). */
  public Integer number(String key, boolean required, int min, int max) {
    FormField field = use(key);
    Object value = value(key);
    if (missing(value, field, required)) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      problems.add(quote(field) + " must be a whole number.");
      return null;
    }
    int number = n.intValue();
    if (number < min || number > max || n.doubleValue() > Integer.MAX_VALUE) {
      problems.add(quote(field) + " must be between " + min + " and " + max + ".");
      return null;
    }
    return number;
  }

  /**
   * The ticked options of a checklist: Tasklist submits a JSON array (a Spin value), other
   * clients may send a list or a JSON string. Each one of the form's options; at least one where
   * the form requires the field.
   */
  public List<String> options(String key) {
    FormField field = use(key);
    Object value = value(key);
    List<String> ticked = value == null ? List.of() : SubmittedValues.asList(value);
    if (ticked == null) {
      problems.add(quote(field) + " must be a list of options.");
      return List.of();
    }
    if (ticked.isEmpty() && field.required()) {
      problems.add(quote(field) + ": choose at least one.");
    } else if (!field.options().containsAll(ticked)) {
      problems.add(quote(field) + " must be among " + sorted(field) + ".");
    }
    return List.copyOf(new LinkedHashSet<>(ticked));
  }

  /** A checkbox: absent means unticked. */
  public boolean flag(String key) {
    FormField field = use(key);
    Object value = value(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problems.add(quote(field) + " must be yes or no.");
    return false;
  }

  /**
   * A date and time, not in the future. Tasklist sends {@code 2026-11-23T10:00} with no offset:
   * that is local time in Europe/London. An explicit offset is honoured.
   */
  public Instant pastDateTime(String key) {
    FormField field = use(key);
    Object value = value(key);
    if (missing(value, field, field.required())) {
      return null;
    }
    Instant at;
    try {
      at = parseDateTime(value);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      problems.add(quote(field) + " must be a date and time like 2026-11-23T10:00.");
      return null;
    }
    if (at.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
      problems.add(quote(field) + " cannot be in the future.");
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

  /**
   * A date (a datetime field of subtype date: Tasklist sends {@code 2026-11-23}); {@code past}:
   * not after today in Europe/London, else not before today.
   */
  public java.time.LocalDate date(String key, boolean required, boolean past) {
    FormField field = use(key);
    Object value = value(key);
    if (missing(value, field, required)) {
      return null;
    }
    java.time.LocalDate date;
    try {
      date = java.time.LocalDate.parse(((String) value).strip());
    } catch (DateTimeParseException | ClassCastException e) {
      problems.add(quote(field) + " must be a date like 2026-11-23.");
      return null;
    }
    java.time.LocalDate today = clock.instant().atZone(zone).toLocalDate();
    if (past && date.isAfter(today)) {
      problems.add(quote(field) + " cannot be in the future.");
    } else if (!past && date.isBefore(today)) {
      problems.add(quote(field) + " cannot be in the past.");
    }
    return date;
  }

  /** Adds a rule of the task's own (e.g. the visit cannot be before the call). */
  public void problem(String message) {
    problems.add(message);
  }

  public List<String> problems() {
    return problems;
  }

  /** The keys read so far: free text and dates are removed from the process once stored. */
  public Set<String> keys() {
    return read;
  }

  /** What was submitted: free text is withheld from the engine while the completion runs. */
  private Object value(String key) {
    Map<String, Object> withheld = WithheldValues.current();
    return withheld.containsKey(key) ? withheld.get(key) : scope.getVariable(key);
  }

  private FormField use(String key) {
    read.add(key);
    return field(key);
  }

  private FormField field(String key) {
    return form.field(key)
        .orElseThrow(
            () -> new IllegalStateException("form " + form.id() + " has no field '" + key + "'"));
  }

  /** Nothing given (absent or blank): a problem if the field is required. */
  private boolean missing(Object value, FormField field, boolean required) {
    boolean missing = value == null || (value instanceof String s && s.isBlank());
    if (missing && required) {
      problems.add(quote(field) + " is required.");
    }
    return missing;
  }

  private static String quote(FormField field) {
    return "'" + field.label() + "'";
  }

  /** The options in a message: sorted, the same every time. */
  private static String sorted(FormField field) {
    return String.join(", ", new TreeSet<>(field.options()));
  }
}
