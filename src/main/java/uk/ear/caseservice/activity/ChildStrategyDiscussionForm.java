package uk.ear.caseservice.activity;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.policy.Deadlines;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;

/**
 * Form_HoldChildStrategyDiscussion: a child at risk, discussed with police and health. If an
 * initial child protection conference follows, the activity is due 15 working days from now.
 */
@Component("childStrategyDiscussionFormListener")
class ChildStrategyDiscussionForm extends CaseFormListener {

  static final int CONFERENCE_WITHIN_WORKING_DAYS = 15;

  private final Activities activities;
  private final Deadlines deadlines;
  private final java.time.Clock clock;

  ChildStrategyDiscussionForm(FormContext context, Activities activities, Deadlines deadlines) {
    super(context);
    this.activities = activities;
    this.deadlines = deadlines;
    this.clock = context.clock();
  }

  @Override
  protected Set<String> decisionKeys() {
    return Set.of("conferenceNeeded");
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    Instant heldAt = form.pastDateTime("strategyHeldAt");
    String attendees = form.text("strategyAttendees");
    String conference = form.choice("conferenceNeeded");
    String notes = form.text("strategyNotes");
    return (records, caseRef, user) -> {
      records.addEntry(
          caseRef, "CHILD_STRATEGY_DISCUSSION", task.getId(),
          "YES".equals(conference) ? "CONFERENCE_NEEDED" : "NO_CONFERENCE", heldAt,
          (attendees == null ? "" : "Took part: " + attendees + "\n") + notes, user);
      if ("YES".equals(conference)) {
        activities.moveDue(
            caseRef,
            ActivityKind.WELFARE_CHECK,
            deadlines.workingDaysAfter(clock.instant(), CONFERENCE_WITHIN_WORKING_DAYS));
      }
    };
  }
}
