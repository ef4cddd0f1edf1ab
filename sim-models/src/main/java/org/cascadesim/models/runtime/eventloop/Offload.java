package org.cascadesim.models.runtime.eventloop;

import java.util.List;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.runtime.Execution;
import org.cascadesim.models.runtime.ServiceRuntime;
import org.cascadesim.models.runtime.Step;

/**
 * CPU work handed from the event loop to its {@link WorkerPool} ({@code offload: 80ms}): async
 * {@code crypto.pbkdf2} on the libuv threadpool, or a render posted to a {@code worker_threads}
 * pool. The loop is free while the work waits for a thread and runs; when it is done, the
 * completion callback queues for the loop and costs the pool's callback cost of loop time before
 * the handler's next step (Node docs, "Don't Block the Event Loop", section on offloading).
 *
 * @param work how much CPU time the task needs on a pool thread
 */
public record Offload(Distribution work) implements Step {

  @Override
  public void run(Execution execution) {
    EventLoop loop = loopOf(execution);
    Step submit = ex -> {
      long nanos = work.sampleNanos(ex.endpoint().stepRandom());
      ex.beginWait();
      loop.pool().submit(nanos, ex::proceed);
    };
    Step completion = ex -> loop.compute(ex.simulation(), loop.pool().callbackCostNanos(), ex::proceed);
    execution.enterBlock(List.of(submit, completion), null);
  }

  private static EventLoop loopOf(Execution execution) {
    ServiceRuntime runtime = execution.runtime();
    if (runtime instanceof EventLoop loop) {
      return loop;
    }
    throw new IllegalStateException("an offload step needs an event-loop runtime; service of "
        + execution.endpoint().name() + " runs on " + runtime.getClass().getSimpleName());
  }
}
