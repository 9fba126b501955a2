package uk.ear.caseservice.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * An execution listener the engine runs when any process starts from a call activity of another
 * (e.g. IntensiveSupport from EarlyActionCase), so that designers need not remember it in each
 * new called process: e.g. the case's team may read the called instance too. Any Spring bean of
 * this type is picked up.
 */
public interface EveryCalledProcess extends ExecutionListener {}
