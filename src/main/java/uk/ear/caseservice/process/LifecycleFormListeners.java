package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.policy.EarProperties;

/**
 * The forms of the lifecycle after the visit: approvals, strategy discussion, intensive support,
 * handover. Each checks on the server what its form asks and records it on the case.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleFormListeners {

  static final Set<String> DECISIONS = Set.of("APPROVE", "REFUSE");
  static final Set<String> RECEIVING_SERVICES =
      Set.of(
          "EDGE_OF_CARE",
          "CONNECT_4_LIFE",
          "DOMESTIC_ABUSE_SERVICE",
          "CHILDRENS_SOCIAL_CARE",
          "ADULT_SOCIAL_CARE",
          "MENTAL_HEALTH_SERVICES",
          "YOUTH_OFFENDING_TEAM",
          "EARLY_HELP",
          "EMERGENCY_DUTY_TEAM");

  private final CaseRecords records;
  private final Clock clock;
  private final EarProperties properties;

  LifecycleFormListeners(CaseRecords records, Clock clock, EarProperties properties) {
    this.records = records;
    this.clock = clock;
    this.properties = properties;
  }

  private NoteAndOutcomeFormListener noteAndOutcome(
      String kind, String noteKey, String noteLabel, String outcomeKey, Set<String> outcomes, boolean routes) {
    return new NoteAndOutcomeFormListener(
        new NoteAndOutcomeFormListener.Fields(
            kind, noteKey, noteLabel, 4000, outcomeKey, "Decision", outcomes, routes),
        records,
        clock,
        properties);
  }

  /** Form_ReviewOverdueVisit: the second escalation, to all managers. */
  @Bean
  NoteAndOutcomeFormListener overdueVisitFormListener() {
    return noteAndOutcome(
        "OVERDUE_VISIT_REVIEW",
        "overdueNotes",
        "What have you done about it?",
        "overdueAction",
        Set.of("ALLOCATED_ANOTHER_WORKER", "POLICE_ATTENDING_ALONE", "ESCALATED_TO_HEAD_OF_SERVICE", "OTHER"),
        false);
  }

  /** Form_ApproveClosure: a manager approves closing a child's case with no further action. */
  @Bean
  NoteAndOutcomeFormListener closureApprovalFormListener() {
    return noteAndOutcome(
        "CLOSURE_APPROVAL", "closureDecisionNotes", "Reasons", "closureDecision", DECISIONS, true);
  }

  /** Form_ApproveExtension: the one extension of intensive support. */
  @Bean
  NoteAndOutcomeFormListener extensionApprovalFormListener() {
    return noteAndOutcome(
        "EXTENSION_APPROVAL", "extensionDecisionNotes", "Reasons", "extensionDecision", DECISIONS, true);
  }

  /** Form_ApproveEarlyClosure: closing a case before its work is done. */
  @Bean
  NoteAndOutcomeFormListener earlyClosureApprovalFormListener() {
    return noteAndOutcome(
        "EARLY_CLOSURE_APPROVAL", "earlyClosureNotes", "Reasons", "earlyClosureDecision", DECISIONS, true);
  }

  /** Form_ReviewOutOfHoursVisit: the morning team takes on what EDT did, and the case. */
  @Bean
  CaseFormListener outOfHoursReviewFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String notes = form.text("handoverFromEdtNotes", "What the team takes on from EDT", 4000, true);
        return (records, caseRef, user) -> {
          records.addEntry(caseRef, "OUT_OF_HOURS_REVIEW", task.getId(), null, null, notes, user);
          records.allocate(caseRef, user);
          task.getExecution().setVariable(CaseVariables.ALLOCATED_WORKER, user);
        };
      }
    };
  }

  /** Form_HoldStrategyDiscussion: children's or adults' safeguarding, and what follows. */
  @Bean
  CaseFormListener strategyDiscussionFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Set<String> decisionKeys() {
        return Set.of("safeguardingRoute", "strategyOutcome");
      }

      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String route =
            form.choice(
                "safeguardingRoute",
                "Safeguarding",
                Set.of("CHILDRENS_SAFEGUARDING", "ADULTS_SAFEGUARDING"),
                true);
        String notes = form.text("strategyNotes", "Strategy discussion notes", 4000, true);
        String outcome =
            form.choice("strategyOutcome", "What happens next", Set.of("HANDOVER", "INTENSIVE_SUPPORT"), true);
        return (records, caseRef, user) ->
            records.addEntry(
                caseRef, "STRATEGY_DISCUSSION", task.getId(), route + "/" + outcome, null, notes, user);
      }
    };
  }

  /** Form_WriteSupportPlan: the goals of the six weeks. */
  @Bean
  CaseFormListener supportPlanFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String goals = form.text("supportGoals", "Goals of the support", 4000, true);
        String plan = form.text("supportPlanNotes", "How we will get there", 4000, true);
        return (records, caseRef, user) ->
            records.addEntry(
                caseRef, "SUPPORT_PLAN", task.getId(), null, null, goals + "\n\n" + plan, user);
      }
    };
  }

  /** Form_RecordWeeklyReview: contacts and progress of one week of intensive support. */
  @Bean
  CaseFormListener weeklyReviewFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        Integer contacts = form.number("contactsThisWeek", "Contacts this week", 0, 50, true);
        String progress = form.text("progressNotes", "Progress", 4000, true);
        String trend =
            form.choice("riskTrend", "Risk is", Set.of("IMPROVING", "STABLE", "WORSENING"), true);
        return (records, caseRef, user) ->
            records.addEntry(
                caseRef, "WEEKLY_REVIEW", task.getId(), trend, null,
                contacts + " contacts. " + progress, user);
      }
    };
  }

  /** Form_ReviewSupportNearEnd: hand over, extend (once, up to six weeks) or close. */
  @Bean
  CaseFormListener supportReviewFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Set<String> decisionKeys() {
        return Set.of("supportReviewOutcome", "extensionWeeks");
      }

      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String outcome =
            form.choice("supportReviewOutcome", "Outcome", Set.of("HANDOVER", "EXTEND", "CLOSE"), true);
        String notes = form.text("supportReviewNotes", "Review notes", 4000, true);
        Integer weeks = null;
        if ("EXTEND".equals(outcome)) {
          if (c.isSupportExtended()) {
            form.problem("Intensive support has been extended once already: hand over or close.");
          }
          weeks =
              form.number(
                  "extensionWeeks", "Extend by (weeks)", 1, properties.support().maxExtensionWeeks(), true);
        }
        Integer extension = weeks;
        return (records, caseRef, user) ->
            records.addEntry(
                caseRef, "SUPPORT_REVIEW", task.getId(), outcome, null,
                (extension == null ? "" : "Extension asked: " + extension + " weeks. ") + notes, user);
      }
    };
  }

  /** Form_ChooseReceivingServices: one or more core services to hand over to. */
  @Bean
  CaseFormListener handoverChoiceFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Set<String> decisionKeys() {
        return Set.of("receivingServices");
      }

      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        List<String> services = form.options("receivingServices", "Receiving services", RECEIVING_SERVICES);
        String summary = form.text("handoverSummary", "Handover summary", 4000, true);
        return (records, caseRef, user) -> {
          records.addEntry(
              caseRef, "HANDOVER_PLAN", task.getId(), String.join(",", services), null, summary, user);
          // the multi-instance handover runs over a plain list of service codes
          task.getExecution().setVariable("receivingServices", new ArrayList<>(services));
        };
      }
    };
  }

  /** Form_RecordHandoverResponse: the receiving service accepted or declined. */
  @Bean
  CaseFormListener handoverResponseFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Set<String> decisionKeys() {
        return Set.of("handoverResponse");
      }

      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String response = form.choice("handoverResponse", "Response", Set.of("ACCEPTED", "DECLINED"), true);
        String notes = form.text("handoverResponseNotes", "Notes", 4000, true);
        Object service = task.getVariable("receivingService");
        return (records, caseRef, user) -> {
          records.addEntry(
              caseRef, "HANDOVER_RESPONSE", task.getId(), service + ":" + response, null, notes, user);
          // each receiving service's answer belongs to its own handover, not the whole case
          task.getExecution().setVariableLocal("handoverResponse", response);
        };
      }
    };
  }

  /** Form_ChaseHandover: no answer after five working days. */
  @Bean
  CaseFormListener chaseHandoverFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String notes = form.text("chaseNotes", "How did you chase it?", 4000, true);
        Object service = task.getVariable("receivingService");
        return (records, caseRef, user) ->
            records.addEntry(caseRef, "HANDOVER_CHASED", task.getId(), String.valueOf(service), null, notes, user);
      }
    };
  }
}
