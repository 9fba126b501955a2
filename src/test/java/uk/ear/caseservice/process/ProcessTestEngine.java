package uk.ear.caseservice.process;

/** The engine of the engine-only tests (see the file for why it is not camunda.cfg.xml). */
final class ProcessTestEngine {
  static final String CONFIGURATION = "process-test.camunda.cfg.xml";

  private ProcessTestEngine() {}
}
