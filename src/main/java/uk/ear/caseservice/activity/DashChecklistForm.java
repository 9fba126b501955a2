package uk.ear.caseservice.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.process.CaseFormListener;
import uk.ear.caseservice.process.FormContext;
import uk.ear.caseservice.process.FormValues;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Form_CompleteDashChecklist: the 27 DASH questions, each yes, no or not known, and professional
 * judgement with its reason. The service counts the "yes" answers and the police call-outs of the
 * last 12 months from the case's incidents; {@code MaracReferral.dmn} decides the referral from
 * those three values, which only this listener writes.
 */
@Component("dashChecklistFormListener")
class DashChecklistForm extends CaseFormListener {

  static final int QUESTIONS = 27;
  static final String YES_COUNT = "dashYesCount";
  static final String JUDGEMENT = "professionalJudgement";
  static final String CALL_OUTS = "callOutsIn12Months";

  private final Activities activities;
  private final Clock clock;
  private final EarProperties properties;

  DashChecklistForm(FormContext context, Activities activities) {
    super(context);
    this.activities = activities;
    this.clock = context.clock();
    this.properties = context.properties();
  }

  static String question(int n) {
    return String.format("dash%02d", n);
  }

  @Override
  protected Submission read(DelegateTask task, CaseRecord c, FormValues form) {
    List<Integer> yes = new ArrayList<>();
    List<Integer> notKnown = new ArrayList<>();
    for (int n = 1; n <= QUESTIONS; n++) {
      String answer = form.choice(question(n));
      if ("YES".equals(answer)) {
        yes.add(n);
      } else if ("NOT_KNOWN".equals(answer)) {
        notKnown.add(n);
      }
    }
    boolean judgement = form.flag(JUDGEMENT);
    String reason = form.text("professionalJudgementReason", judgement);
    String notes = form.text("dashNotes");
    int callOuts = callOutsInLast12Months(c);
    return (records, caseRef, user) -> {
      String details =
          "Yes: " + yes + "\nNot known: " + notKnown
              + "\nPolice call-outs in the last 12 months: " + callOuts
              + (judgement ? "\nProfessional judgement: " + reason : "")
              + (notes == null ? "" : "\n" + notes);
      records.addEntry(
          caseRef, "DASH_RISK_CHECKLIST", task.getId(), yes.size() + "/" + QUESTIONS, null, details, user);
      activities.score(caseRef, ActivityKind.DOMESTIC_ABUSE_RISK, yes.size());
      task.getExecution().setVariable(YES_COUNT, yes.size());
      task.getExecution().setVariable(JUDGEMENT, judgement);
      task.getExecution().setVariable(CALL_OUTS, callOuts);
    };
  }

  /** The case's incidents (each a police call-out) reported in the 12 months up to now. */
  private int callOutsInLast12Months(CaseRecord c) {
    Instant now = clock.instant();
    Instant since = now.atZone(properties.zone()).minusMonths(12).toInstant();
    return (int)
        c.getIncidents().stream()
            .filter(i -> i.getReportedAt().isAfter(since) && !i.getReportedAt().isAfter(now))
            .count();
  }
}
