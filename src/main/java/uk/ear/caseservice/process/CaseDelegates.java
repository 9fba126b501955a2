package uk.ear.caseservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.ear.caseservice.cases.CaseRecords;

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

  /** Task_CloseCase: the reason is the outcome that ended the case. */
  @Bean
  JavaDelegate closeCaseDelegate(CaseRecords records) {
    return execution -> {
      Object outcome = execution.getVariable("assessmentOutcome");
      if (outcome == null) {
        outcome = execution.getVariable("screeningOutcome");
      }
      records.close(caseRef(execution), outcome == null ? "COMPLETED" : outcome.toString());
    };
  }

  static String caseRef(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
