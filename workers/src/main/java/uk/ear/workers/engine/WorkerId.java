package uk.ear.workers.engine;

/** This instance's worker id: in the engine's locks, and on every read of a case. */
public record WorkerId(String value) {}
