package uk.ear.caseservice.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.ear.caseservice.cases.CaseRecord;

/**
 * A form of one note and one outcome among the form's options, stored as a case entry of
 * {@code kind}. With {@code routesOnOutcome} the outcome stays a process variable for the gateway
 * after the task.
 */
public abstract class NoteAndOutcomeForm extends CaseFormListener {

  private final String kind;
  private final String noteKey;
  private final String outcomeKey;
  private final boolean routesOnOutcome;

  protected NoteAndOutcomeForm(
      String kind,
      String noteKey,
      String outcomeKey,
      boolean routesOnOutcome,
      FormContext context) {
    super(context);
    this.kind = kind;
    this.noteKey = noteKey;
    this.outcomeKey = outcomeKey;
    this.routesOnOutcome = routesOnOutcome;
  }

  @Override
  protected Set<String> decisionKeys() {
    return routesOnOutcome ? Set.of(outcomeKey) : Set.of();
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String outcome = form.choice(outcomeKey);
    String note = form.text(noteKey);
    return (records, caseRef, user) ->
        records.addEntry(caseRef, kind, task.getId(), outcome, null, note, user);
  }
}
