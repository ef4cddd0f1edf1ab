package org.cascadesim.models.scenario;

/**
 * A fixed pool of threads with a queue in front ({@code model: thread-pool}): a request holds a
 * thread for its whole handler, and waits in the queue when all threads are busy.
 *
 * @param threads how many threads
 * @param queueLimit how many requests may wait, or {@link ScenarioDefaults#UNBOUNDED}
 */
public record ThreadPoolRuntime(int threads, int queueLimit) implements RuntimeSpec {
  /** Whether the queue rejects requests beyond {@link #queueLimit()}. */
  public boolean isQueueBounded() {
    return queueLimit != ScenarioDefaults.UNBOUNDED;
  }
}
