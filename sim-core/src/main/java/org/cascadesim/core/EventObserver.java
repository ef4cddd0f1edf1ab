package org.cascadesim.core;

/** Sees every event just before it runs; used for fingerprints and traces, never for the model. */
@FunctionalInterface
public interface EventObserver {
  /** Called with the event's time, sequence number and action just before the action runs. */
  void onEvent(long timeNanos, long seq, Action action);
}
