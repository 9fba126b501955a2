package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import uk.ear.caseservice.forms.FormDefinition;

/** What the server makes of the values Tasklist (or anyone with the REST API) submits. */
class FormValuesTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** The fields of a form as Modeler saves them: labels, required, bounds, options. */
  static final FormDefinition FORM =
      FormDefinition.parse(
          new java.io.ByteArrayInputStream(
              """
                  {"id": "Form_Test", "components": [
                    {"key": "at", "label": "When", "type": "datetime", "validate": {"required": true}},
                    {"key": "later", "label": "When", "type": "datetime", "validate": {"required": true}},
                    {"key": "garbled", "label": "Since", "type": "datetime", "validate": {"required": true}},
                    {"key": "a", "label": "A", "type": "number", "validate": {"required": true, "min": 0, "max": 50}},
                    {"key": "b", "label": "B", "type": "number", "validate": {"required": true, "min": 0, "max": 50}},
                    {"key": "c", "label": "C", "type": "number", "validate": {"required": true, "min": 0, "max": 50}},
                    {"key": "d", "label": "D", "type": "number", "validate": {"required": true, "min": 0, "max": 50}},
                    {"type": "group", "components": [
                      {"key": "tasklist", "label": "Services", "type": "checklist",
                       "values": [{"value": "EARLY_HELP"}, {"value": "EDGE_OF_CARE"}]}]},
                    {"key": "rest", "label": "Services", "type": "checklist",
                     "values": [{"value": "EARLY_HELP"}, {"value": "EDGE_OF_CARE"}]},
                    {"key": "none", "label": "Others", "type": "checklist", "validate": {"required": true},
                     "values": [{"value": "EARLY_HELP"}, {"value": "EDGE_OF_CARE"}]},
                    {"key": "optional", "label": "Signs", "type": "checklist",
                     "values": [{"value": "EARLY_HELP"}, {"value": "EDGE_OF_CARE"}]},
                    {"key": "t", "label": "T", "type": "textfield", "validate": {"required": true, "maxLength": 10}},
                    {"key": "long", "label": "Long", "type": "textfield", "validate": {"required": true, "maxLength": 10}},
                    {"key": "blank", "label": "Blank", "type": "textarea", "validate": {"required": true, "maxLength": 10}}
                  ]}
                  """
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

  final VariableScope scope = mock(VariableScope.class);
  final FormValues form =
      new FormValues(scope, Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), LONDON), LONDON, FORM);

  @Test
  void aDatetimeWithoutOffsetIsLondonTime() {
    when(scope.getVariable("at")).thenReturn("2026-07-01T10:00");
    // 10:00 BST is 09:00 UTC
    assertThat(form.pastDateTime("at")).isEqualTo(Instant.parse("2026-07-01T09:00:00Z"));
    assertThat(form.problems()).isEmpty();
  }

  @Test
  void aDatetimeInTheFutureOrGarbledIsRefused() {
    when(scope.getVariable("later")).thenReturn("2026-07-01T14:00");
    when(scope.getVariable("garbled")).thenReturn("yesterday");
    form.pastDateTime("later");
    form.pastDateTime("garbled");
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
    FormValues values = new FormValues(scope, Clock.fixed(Instant.parse(now), LONDON), LONDON, FORM);
    Instant at = values.pastDateTime("at");
    assertThat(values.problems()).isEmpty();
    return at;
  }

  @Test
  void numbersMustBeWholeAndInRange() {
    when(scope.getVariable("a")).thenReturn(3);
    when(scope.getVariable("b")).thenReturn(2.5d);
    when(scope.getVariable("c")).thenReturn(51L);
    assertThat(form.number("a")).isEqualTo(3);
    assertThat(form.number("b")).isNull();
    assertThat(form.number("c")).isNull();
    assertThat(form.number("d")).isNull();
    assertThat(form.problems())
        .containsExactly(
            "'B' must be a whole number.", "'C' must be between 0 and 50.", "'D' is required.");
  }

  @Test
  void aChecklistArrivesAsJsonAndEveryOptionIsChecked() {
    when(scope.getVariable("tasklist")).thenReturn(Spin.JSON("[\"EARLY_HELP\",\"EDGE_OF_CARE\",\"EARLY_HELP\"]"));
    when(scope.getVariable("rest")).thenReturn("[\"EARLY_HELP\",\"NARNIA\"]");
    when(scope.getVariable("none")).thenReturn(List.of());
    when(scope.getVariable("optional")).thenReturn(Spin.JSON("[]"));
    assertThat(form.options("tasklist")).containsExactly("EARLY_HELP", "EDGE_OF_CARE");
    form.options("rest");
    form.options("none");
    // a checklist the form does not require may be left empty (e.g. "tick any seen")
    assertThat(form.options("optional")).isEmpty();
    assertThat(form.problems())
        .containsExactly(
            "'Services' must be among EARLY_HELP, EDGE_OF_CARE.", "'Others': choose at least one.");
  }

  @Test
  void aFieldTheFormDoesNotHaveIsTheHandlersFault() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.text("notOnTheForm"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("form Form_Test has no field 'notOnTheForm'");
  }

  @Test
  void textIsTrimmedAndBounded() {
    when(scope.getVariable("t")).thenReturn("  fine  ");
    when(scope.getVariable("long")).thenReturn("x".repeat(11));
    when(scope.getVariable("blank")).thenReturn("   ");
    assertThat(form.text("t")).isEqualTo("fine");
    form.text("long");
    form.text("blank");
    assertThat(form.problems())
        .containsExactly("'Long' must be at most 10 characters.", "'Blank' is required.");
  }
}
