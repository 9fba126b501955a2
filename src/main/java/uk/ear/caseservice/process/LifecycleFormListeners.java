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
import uk.ear.caseservice.shared.EarProperties;

/**
 * The forms of the lifecycle after the visit: approvals, strategy discussion, intensive support,
 * handover. Each checks on the server what its form asks and records it on the case.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleFormListeners {

  static final Set<String> DECISIONS = Set.of("APPROVE", "REFUSE");
  static final Set<String> OVERDUE_ACTIONS =
      Set.of("ALLOCATED_ANOTHER_WORKER", "POLICE_ATTENDING_ALONE", "ESCALATED_TO_HEAD_OF_SERVICE", "OTHER");
  static final Set<String> SAFEGUARDING_ROUTES = Set.of("CHILDRENS_SAFEGUARDING", "ADULTS_SAFEGUARDING");
  static final Set<String> STRATEGY_OUTCOMES = Set.of("HANDOVER", "INTENSIVE_SUPPORT");
  static final Set<String> RISK_TRENDS = Set.of("IMPROVING", "STABLE", "WORSENING");
  static final Set<String> SUPPORT_REVIEW_OUTCOMES = Set.of("HANDOVER", "EXTEND", "CLOSE");
  static final Set<String> HANDOVER_RESPONSES = Set.of("ACCEPTED", "DECLINED");
  static final Set<String> DECLINED_HANDOVER_ACTIONS = Set.of("CHOOSE_ANOTHER_SERVICE", "CLOSE_WITHOUT_HANDOVER");
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
            kind, noteKey, noteLabel, 2000, outcomeKey, "Decision", outcomes, routes),
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
        OVERDUE_ACTIONS,
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
            form.choice("safeguardingRoute", "Safeguarding", SAFEGUARDING_ROUTES, true);
        String notes = form.text("strategyNotes", "Strategy discussion notes", 4000, true);
        String outcome =
            form.choice("strategyOutcome", "What happens next", STRATEGY_OUTCOMES, true);
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
            form.choice("riskTrend", "Risk is", RISK_TRENDS, true);
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
            form.choice("supportReviewOutcome", "Outcome", SUPPORT_REVIEW_OUTCOMES, true);
        String notes = form.text("supportReviewNotes", "Review notes", 4000, true);
        boolean extend = "EXTEND".equals(outcome);
        if (extend && c.isSupportExtended()) {
          form.problem("Intensive support has been extended once already: hand over or close.");
        }
        // checked whenever sent: the extension delegate reads it later
        Integer weeks =
            form.number(
                "extensionWeeks", "Extend by (weeks)", 1, properties.support().maxExtensionWeeks(), extend);
        Integer extension = extend ? weeks : null;
        return (records, caseRef, user) -> {
          records.addEntry(
              caseRef, "SUPPORT_REVIEW", task.getId(), outcome, null,
              (extension == null ? "" : "Extension asked: " + extension + " weeks. ") + notes, user);
          if (!extend) {
            task.getExecution().removeVariable("extensionWeeks");
          }
        };
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
        String response = form.choice("handoverResponse", "Response", HANDOVER_RESPONSES, true);
        String notes = form.text("handoverResponseNotes", "Notes", 2000, true);
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
        String notes = form.text("chaseNotes", "How did you chase it?", 2000, true);
        Object service = task.getVariable("receivingService");
        return (records, caseRef, user) ->
            records.addEntry(caseRef, "HANDOVER_CHASED", task.getId(), String.valueOf(service), null, notes, user);
      }
    };
  }

  /** Form_ReviewDeclinedHandover: a receiving service said no. */
  @Bean
  NoteAndOutcomeFormListener declinedHandoverFormListener() {
    return noteAndOutcome(
        "DECLINED_HANDOVER_REVIEW",
        "declinedHandoverNotes",
        "Notes",
        "declinedHandoverAction",
        DECLINED_HANDOVER_ACTIONS,
        true);
  }

  /** Form_FixReceivingService: a manager has set the missing address; the pack is sent again. */
  @Bean
  CaseFormListener fixReceivingServiceFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        if (!form.flag("receivingServiceFixed", "The address is fixed")) {
          form.problem(
              "Tick '" + form.label("receivingServiceFixed", "The address is fixed")
                  + "' once the workers have the service's address.");
        }
        String notes = form.text("receivingServiceFixNotes", "Notes", 2000, false);
        Object service = task.getVariable("receivingService");
        return (records, caseRef, user) ->
            records.addEntry(caseRef, "RECEIVING_SERVICE_FIXED", task.getId(), String.valueOf(service), null, notes, user);
      }
    };
  }

  /** Form_ChooseAnotherService: the handover goes to another service instead. */
  @Bean
  CaseFormListener anotherServiceFormListener() {
    return new CaseFormListener(records, clock, properties) {
      @Override
      Set<String> decisionKeys() {
        // the handover's own service: the pack is sent to the new one
        return Set.of("receivingService");
      }

      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        String service = form.choice("receivingService", "Receiving service", RECEIVING_SERVICES, true);
        String notes = form.text("anotherServiceNotes", "Why this service", 2000, true);
        return (records, caseRef, user) ->
            records.addEntry(caseRef, "HANDOVER_REDIRECTED", task.getId(), service, null, notes, user);
      }
    };
  }
}
