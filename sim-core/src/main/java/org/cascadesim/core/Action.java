package org.cascadesim.core;

/**
 * What a scheduled event does when the clock reaches it.
 *
 * <p>An action runs to completion at one instant of simulated time; it may read the clock and
 * schedule or cancel other events. The fingerprint names an action by its class (a lambda by the
 * class that declares it), so event types stay the same from one JVM run to the next.
 */
@FunctionalInterface
public interface Action {
  /** Runs the event. */
  void run();
}
