package uk.ear.caseservice.process;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.Stage;
import uk.ear.caseservice.shared.EarProperties;

/** The thin service-task delegates of EarlyActionCase: each calls the case record service. */
@Configuration(proxyBeanMethods = false)
class CaseDelegates {

  /** Task_RecordMissedResponse: the response window passed with no visit. */
  @Bean
  JavaDelegate recordMissedResponseDelegate(CaseRecords records) {
    return execution -> records.recordMissedResponse(caseRef(execution));
  }

  /** Task_ReferToDistrictServices: no EAR team covers the district. */
  @Bean
  JavaDelegate referOutDelegate(CaseRecords records) {
    return execution ->
        records.addEntry(
            caseRef(execution),
            "REFERRED_OUT",
            null,
            "DISTRICT_SERVICES",
            null,
            "No EAR team covers " + execution.getVariable(CaseVariables.DISTRICT),
            "system");
  }

  /**
   * Task_CloseCase and Task_CloseCaseEarly: the reason is what the path that ended the case set
   * (no further action, support completed, handed over, or the reason of an approved early
   * closure); the model sets it on each such path.
   */
  @Bean
  JavaDelegate closeCaseDelegate(CaseRecords records) {
    return execution -> {
      Object reason = execution.getVariable(CLOSURE_REASON);
      records.close(caseRef(execution), reason == null ? "COMPLETED" : reason.toString());
    };
  }

  static final String CLOSURE_REASON = "closureReason";

  /** SubProcess_IntensiveSupport starts: about six weeks, reviewed near the end. */
  @Bean
  JavaDelegate startIntensiveSupportDelegate(CaseRecords records, EarProperties properties) {
    return execution -> {
      Instant ends = records.startSupport(caseRef(execution), properties.support().period());
      setSupportDates(execution, ends, properties);
      execution.setVariable(SUPPORT_EXTENDED, false);
    };
  }

  /** Task_ExtendSupport: a manager approved the one extension of up to six weeks. */
  @Bean
  JavaDelegate extendSupportDelegate(CaseRecords records, EarProperties properties) {
    return execution -> {
      int weeks = ((Number) execution.getVariable("extensionWeeks")).intValue();
      Instant ends = records.extendSupport(caseRef(execution), weeks);
      setSupportDates(execution, ends, properties);
      execution.setVariable(SUPPORT_EXTENDED, true);
    };
  }

  /** SubProcess_Handover starts. */
  @Bean
  JavaDelegate startHandoverDelegate(CaseRecords records) {
    return execution -> records.moveTo(caseRef(execution), Stage.HANDOVER);
  }

  static final String SUPPORT_EXTENDED = "supportExtended";

  private static void setSupportDates(
      DelegateExecution execution, Instant ends, EarProperties properties) {
    execution.setVariable("supportEndsAt", Date.from(ends));
    execution.setVariable(
        "supportReviewAt",
        Date.from(ends.atZone(properties.zone()).minus(properties.support().reviewBeforeEnd()).toInstant()));
  }

  static String caseRef(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
