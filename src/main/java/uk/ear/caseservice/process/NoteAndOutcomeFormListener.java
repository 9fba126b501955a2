package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/**
 * A form of one required note and one required outcome from a fixed list, stored as a case entry
 * of {@code kind}. With {@code routesOnOutcome} the outcome stays a process variable for gateways.
 */
class NoteAndOutcomeFormListener extends CaseFormListener {

  record Fields(
      String kind,
      String noteKey,
      String noteLabel,
      int noteMaxLength,
      String outcomeKey,
      String outcomeLabel,
      Set<String> outcomes,
      boolean routesOnOutcome) {}

  private final Fields fields;

  Fields fields() {
    return fields;
  }

  NoteAndOutcomeFormListener(
      Fields fields, CaseRecords records, Clock clock, EarProperties properties) {
    super(records, clock, properties);
    this.fields = fields;
  }

  @Override
  Set<String> decisionKeys() {
    return fields.routesOnOutcome() ? Set.of(fields.outcomeKey()) : Set.of();
  }

  @Override
  Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String outcome = form.choice(fields.outcomeKey(), fields.outcomeLabel(), fields.outcomes(), true);
    String note = form.text(fields.noteKey(), fields.noteLabel(), fields.noteMaxLength(), true);
    return (records, caseRef, user) ->
        records.addEntry(caseRef, fields.kind(), task.getId(), outcome, null, note, user);
  }
}
