package org.cascadesim.models.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.RequestContext;
import org.junit.jupiter.api.Test;

/** The side-effect books after a warm-up describe the measured period, and keys remember the warm-up. */
class SideEffectLedgerTest {
  private static final long MS = 1_000_000L;

  @Test
  void afterTheWarmupEveryFigureCoversTheMeasuredPeriodButKeysRememberEarlierCharges() {
    Simulation sim = new Simulation(1);
    Dependency provider = new Dependency(sim, "provider", new Distribution.Constant(1 * MS), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    SideEffectLedger ledger = new SideEffectLedger(sim, "provider", "charge");
    provider.onSuccessfulWork(ledger::record);
    // warm-up: a, a, b (a charged twice) and one call without a key
    String[] warmup = {"a", "a", "b", null};
    // measured: b (a duplicate of a warm-up charge), c, c, d and one call without a key
    String[] measured = {"b", "c", "c", "d", null};
    for (int i = 0; i < warmup.length; i++) {
      Invocation.send(sim, provider, new RequestContext(i, 1, warmup[i]), Invocation.NO_TIMEOUT, false, o -> { });
    }
    sim.runUntilIdle();
    sim.metrics().resetTotals(sim.nowNanos());
    ledger.rebaseAfterWarmup();
    for (int i = 0; i < measured.length; i++) {
      Invocation.send(sim, provider, new RequestContext(10 + i, 1, measured[i]), Invocation.NO_TIMEOUT, false, o -> { });
    }
    sim.runUntilIdle();

    assertThat(ledger.effects()).isEqualTo(5);
    assertThat(ledger.duplicates()).as("b (charged in the warm-up) and the second c").isEqualTo(2);
    assertThat(ledger.keys()).as("b, c, d").isEqualTo(3);
    assertThat(ledger.keysDuplicated()).as("b and c").isEqualTo(2);
    assertThat(ledger.unkeyed()).isEqualTo(1);
    // the books are consistent: every effect of a key is its first in the period or a duplicate,
    // except a duplicate of a warm-up charge (b), whose key counts once all the same
    assertThat(ledger.effects() - ledger.unkeyed()).isEqualTo(ledger.keys() + ledger.duplicates() - 1);
  }
}
