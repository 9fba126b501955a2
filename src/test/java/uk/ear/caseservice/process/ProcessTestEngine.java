package uk.ear.caseservice.process;

/** The engine of the engine-only tests (see the file for why it is not camunda.cfg.xml). */
public final class ProcessTestEngine {
  public static final String CONFIGURATION = "process-test.camunda.cfg.xml";

  private ProcessTestEngine() {}
}
