package uk.ear.caseservice.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Form_AgreeJointActions: the PPU's reference and reason, and up to three joint actions, each with
 * an owner and a due date. The review falls due with the first action ({@code nextReviewAt}, set
 * here only), at the start of that working day.
 */
@Component("jointActionsFormListener")
class JointActionsForm extends CaseFormListener {

  static final String NEXT_REVIEW_AT = "nextReviewAt";
  static final int ACTIONS = 3;

  private final Activities activities;
  private final EarProperties properties;

  JointActionsForm(FormContext context, Activities activities) {
    super(context);
    this.activities = activities;
    this.properties = context.properties();
  }

  record JointAction(String action, String owner, LocalDate due) {}

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    String reference = form.text("ppuReference");
    String reason = form.text("ppuReferralReason");
    List<JointAction> actions = new ArrayList<>();
    for (int n = 1; n <= ACTIONS; n++) {
      String key = "action" + n;
      // the first action is required; another is all three of its fields or none of them
      boolean given = n == 1 || task.getVariable(key) != null || task.getVariable(key + "Owner") != null
          || task.getVariable(key + "Due") != null;
      String action = form.text(key, given);
      String owner = form.text(key + "Owner", given);
      LocalDate due = form.date(key + "Due", given, false);
      if (action != null && owner != null && due != null) {
        actions.add(new JointAction(action, owner, due));
      }
    }
    return (records, caseRef, user) -> {
      StringBuilder details = new StringBuilder("PPU reference: " + reference + "\n" + reason);
      actions.forEach(a -> details.append("\n- ").append(a.action()).append(" (").append(a.owner())
          .append(", by ").append(a.due()).append(")"));
      records.addEntry(caseRef, "PPU_JOINT_ACTIONS", task.getId(), actions.size() + " actions", null,
          details.toString(), user);
      LocalDate first = actions.stream().map(JointAction::due).min(Comparator.naturalOrder()).orElseThrow();
      reviewOn(first, caseRef, task, activities, properties);
    };
  }

  /**
   * The joint work is next reviewed on {@code day}, as the team's day starts (when EDT hands
   * back): the activity falls due then, and the review timer ({@code nextReviewAt}) fires.
   */
  static void reviewOn(
      LocalDate day, String caseRef, DelegateTask task, Activities activities, EarProperties properties) {
    var at = day.atTime(properties.edt().morningEnd()).atZone(properties.zone()).toInstant();
    activities.moveDue(caseRef, ActivityKind.PPU_JOINT_WORK, at);
    task.getExecution().setVariable(NEXT_REVIEW_AT, Date.from(at));
  }
}
