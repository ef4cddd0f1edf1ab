package org.cascadesim.models.runtime.eventloop;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/**
 * A test dependency that answers every call with one outcome after one delay, or never (a hang),
 * and notes when it answered and when a caller cancelled the work, so tests can time callbacks.
 */
final class FixedDependency implements Callee {
  private final Simulation sim;
  private final long afterNanos;
  private final Outcome outcome;
  final List<Long> answeredAtNanos = new ArrayList<>();
  final List<Long> cancelledAtNanos = new ArrayList<>();

  /** Answers {@code outcome} after {@code afterNanos}; a null outcome never answers. */
  FixedDependency(Simulation sim, long afterNanos, Outcome outcome) {
    this.sim = sim;
    this.afterNanos = afterNanos;
    this.outcome = outcome;
  }

  @Override
  public String name() {
    return "dep";
  }

  @Override
  public void accept(Invocation call) {
    call.onCancel(() -> cancelledAtNanos.add(sim.nowNanos()));
    if (outcome != null) {
      sim.schedule(afterNanos, () -> {
        answeredAtNanos.add(sim.nowNanos());
        call.complete(outcome);
      });
    }
  }
}
