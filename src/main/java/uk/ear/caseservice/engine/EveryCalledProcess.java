package uk.ear.caseservice.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Told when any process started from a call activity of another (e.g. IntensiveSupport from
 * EarlyActionCase) starts and ends, so that designers need not remember it in each new called
 * process: e.g. the case's team may read the called instance too, and an activity's state follows
 * its process. Any Spring bean of this type is picked up.
 */
public interface EveryCalledProcess {

  /** The called process {@code processKey} starts; its input variables are set. */
  default void started(DelegateExecution execution, String processKey) {}

  /** It ends, completed or cancelled ({@link DelegateExecution#isCanceled()}). */
  default void ended(DelegateExecution execution, String processKey) {}
}
