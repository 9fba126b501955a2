package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** What the server makes of the values Tasklist (or anyone with the REST API) submits. */
class FormValuesTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  final VariableScope scope = mock(VariableScope.class);
  final FormValues form =
      new FormValues(scope, Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), LONDON), LONDON);

  @Test
  void aDatetimeWithoutOffsetIsLondonTime() {
    when(scope.getVariable("at")).thenReturn("2026-07-01T10:00");
    // 10:00 BST is 09:00 UTC
    assertThat(form.pastDateTime("at", "When", true)).isEqualTo(Instant.parse("2026-07-01T09:00:00Z"));
    assertThat(form.problems()).isEmpty();
  }

  @Test
  void aDatetimeInTheFutureOrGarbledIsRefused() {
    when(scope.getVariable("later")).thenReturn("2026-07-01T14:00");
    when(scope.getVariable("garbled")).thenReturn("yesterday");
    form.pastDateTime("later", "When", true);
    form.pastDateTime("garbled", "Since", true);
    assertThat(form.problems())
        .containsExactly("'When' cannot be in the future.", "'Since' must be a date and time like 2026-11-23T10:00.");
  }

  @Test
  void inTheHourTheClocksGoBackTheLaterOfTheTwoTimesIsTakenOnceItHasHappened() {
    // Sunday 27 October 2013: 01:30 was 00:30 UTC (BST), then 01:30 UTC (GMT)
    when(scope.getVariable("at")).thenReturn("2013-10-27T01:30");
    Instant asBst = Instant.parse("2013-10-27T00:30:00Z");
    Instant asGmt = Instant.parse("2013-10-27T01:30:00Z");

    // at 03:00 GMT both have happened: the later, so a late arrival never counts as in time
    assertThat(valueAt("2013-10-27T03:00:00Z")).isEqualTo(asGmt);
    // at 01:40 BST only the first has happened: that one, not a time in the future
    assertThat(valueAt("2013-10-27T00:40:00Z")).isEqualTo(asBst);
  }

  @Test
  void aTimeInTheHourSkippedInSpringIsMovedOnByTheGap() {
    // Sunday 31 March 2013: 01:00 GMT became 02:00 BST; 01:30 did not happen in London
    when(scope.getVariable("at")).thenReturn("2013-03-31T01:30");
    assertThat(valueAt("2013-03-31T09:00:00Z")).isEqualTo(Instant.parse("2013-03-31T01:30:00Z"));
  }

  private Instant valueAt(String now) {
    FormValues values = new FormValues(scope, Clock.fixed(Instant.parse(now), LONDON), LONDON);
    Instant at = values.pastDateTime("at", "When did you arrive?", true);
    assertThat(values.problems()).isEmpty();
    return at;
  }

  @Test
  void numbersMustBeWholeAndInRange() {
    when(scope.getVariable("a")).thenReturn(3);
    when(scope.getVariable("b")).thenReturn(2.5d);
    when(scope.getVariable("c")).thenReturn(51L);
    assertThat(form.number("a", "A", 0, 50, true)).isEqualTo(3);
    assertThat(form.number("b", "B", 0, 50, true)).isNull();
    assertThat(form.number("c", "C", 0, 50, true)).isNull();
    assertThat(form.number("d", "D", 0, 50, true)).isNull();
    assertThat(form.problems())
        .containsExactly(
            "'B' must be a whole number.", "'C' must be between 0 and 50.", "'D' is required.");
  }

  @Test
  void aChecklistArrivesAsJsonAndEveryOptionIsChecked() {
    when(scope.getVariable("tasklist")).thenReturn(Spin.JSON("[\"EARLY_HELP\",\"EDGE_OF_CARE\",\"EARLY_HELP\"]"));
    when(scope.getVariable("rest")).thenReturn("[\"EARLY_HELP\",\"NARNIA\"]");
    when(scope.getVariable("none")).thenReturn(List.of());
    Set<String> allowed = Set.of("EARLY_HELP", "EDGE_OF_CARE");
    assertThat(form.options("tasklist", "Services", allowed)).containsExactly("EARLY_HELP", "EDGE_OF_CARE");
    form.options("rest", "Services", allowed);
    form.options("none", "Others", allowed);
    assertThat(form.problems())
        .containsExactly(
            "'Services' must be among EARLY_HELP, EDGE_OF_CARE.", "'Others': choose at least one.");
  }

  @Test
  void textIsTrimmedAndBounded() {
    when(scope.getVariable("t")).thenReturn("  fine  ");
    when(scope.getVariable("long")).thenReturn("x".repeat(11));
    when(scope.getVariable("blank")).thenReturn("   ");
    assertThat(form.text("t", "T", 10, true)).isEqualTo("fine");
    form.text("long", "Long", 10, true);
    form.text("blank", "Blank", 10, true);
    assertThat(form.problems())
        .containsExactly("'Long' must be at most 10 characters.", "'Blank' is required.");
  }
}
