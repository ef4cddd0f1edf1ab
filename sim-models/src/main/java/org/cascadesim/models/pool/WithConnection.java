package org.cascadesim.models.pool;

import java.util.List;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.runtime.Execution;
import org.cascadesim.models.runtime.Step;

/**
 * The scoped use of a pooled connection ({@code with: db, do: [...]}): acquire, run the body,
 * release on every exit path, the way {@code conn := pool.Acquire(); defer pool.Release(conn)}
 * does in seed snippet 2. The release is the body block's exit hook ({@link
 * Execution#enterBlock}), so success, a failed step, an early answer and the caller's
 * cancellation all give the connection back. A refused acquire (too many waiters, or the acquire
 * deadline passed) fails the handler with {@link Outcome#REJECTED}, the 503 that {@code
 * context.DeadlineExceeded} is mapped to in the fix; a caller that gives up while waiting leaves
 * the queue.
 *
 * @param pool the service's pool
 * @param body the steps run while the connection is held
 */
public record WithConnection(ConnectionPool pool, List<Step> body) implements Step {

  /** Copies the body so the step is immutable. */
  public WithConnection {
    body = List.copyOf(body);
  }

  @Override
  public void run(Execution execution) {
    ConnectionPool.Ticket ticket = pool.acquire(new ConnectionPool.Listener() {
      @Override
      public void onAcquired() {
        execution.endAbortableWait();
        if (execution.isFinished()) {
          // The caller gave up after the hand-off was decided but before it arrived.
          pool.release();
          return;
        }
        execution.enterBlock(body, pool::release);
      }

      @Override
      public void onRefused(boolean timedOut) {
        execution.endAbortableWait();
        execution.fail(Outcome.REJECTED);
      }
    });
    if (ticket.isWaiting()) {
      execution.beginAbortableWait(ticket::cancel);
    }
  }
}
