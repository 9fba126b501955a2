package uk.ear.caseservice.process;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.ear.caseservice.cases.CaseRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/** The forms that record a note and an outcome; labels as the forms in forms/ show them. */
@Configuration(proxyBeanMethods = false)
class FormListeners {

  /** Form_AssessNeeds: the assessment summary and its outcome, which the process routes on. */
  @Bean
  NoteAndOutcomeFormListener assessmentFormListener(
      CaseRecords records, Clock clock, EarProperties properties) {
    return new NoteAndOutcomeFormListener(
        new NoteAndOutcomeFormListener.Fields(
            "ASSESSMENT",
            "assessmentSummary",
            "Assessment summary",
            4000,
            "assessmentOutcome",
            "Outcome",
            Set.of("NO_FURTHER_ACTION", "REFER_ON", "SAFEGUARDING_REFERRAL", "INTENSIVE_SUPPORT"),
            true),
        records,
        clock,
        properties);
  }

  /**
   * Form_ScreenCall: desk screening of a grade 4 call. The team's worker who screens it keeps the
   * case (as the visiting worker does), so a referral on lands with them; after an EDT screening
   * the team picks it up from its queue.
   */
  @Bean
  NoteAndOutcomeFormListener screeningFormListener(
      CaseRecords records, Clock clock, EarProperties properties) {
    return new NoteAndOutcomeFormListener(
        new NoteAndOutcomeFormListener.Fields(
            "DESK_SCREENING",
            "screeningNotes",
            "Screening notes",
            4000,
            "screeningOutcome",
            "Outcome",
            Set.of("NO_FURTHER_ACTION", "REFER_ON"),
            true),
        records,
        clock,
        properties) {
      @Override
      Submission read(DelegateTask task, CaseRecord c, FormValues form) {
        Submission note = super.read(task, c, form);
        boolean byEdt = completedByEdt(task, c);
        return (records, caseRef, user) -> {
          note.store(records, caseRef, user);
          if (!byEdt && c.getAllocatedWorker() == null) {
            records.allocate(caseRef, user);
            task.getExecution().setVariable(CaseVariables.ALLOCATED_WORKER, user);
          }
        };
      }
    };
  }

  /** Form_ReviewMissedResponse: the manager records why the window was missed and what they did. */
  @Bean
  NoteAndOutcomeFormListener missedResponseFormListener(
      CaseRecords records, Clock clock, EarProperties properties) {
    return new NoteAndOutcomeFormListener(
        new NoteAndOutcomeFormListener.Fields(
            "MISSED_RESPONSE_REVIEW",
            "managerActions",
            "What have you done about it?",
            2000,
            "breachReason",
            "Why was the window missed?",
            Set.of("NO_WORKER_AVAILABLE", "POLICE_DELAYED", "PERSON_NOT_FOUND", "OTHER"),
            false),
        records,
        clock,
        properties);
  }
}
