package org.cascadesim.models.runtime.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.junit.jupiter.api.Test;

/** Processor sharing of a process's cores, against finish times computed by hand. */
class CpuCoresTest {

  private static final long MS = 1_000_000L;

  private final Simulation sim = new Simulation(1);
  private final List<String> done = new ArrayList<>();

  private void start(CpuCores cores, String name, long atNanos, long workNanos) {
    sim.scheduleAt(atNanos, () -> cores.compute(workNanos, () -> done.add(name + " at " + sim.nowNanos())));
  }

  @Test
  void withoutALimitEveryThreadComputesAtFullSpeed() {
    CpuCores cores = new CpuCores(sim, "s", CpuCores.UNLIMITED);
    start(cores, "a", 0, 60 * MS);
    start(cores, "b", 0, 60 * MS);
    start(cores, "c", 0, 120 * MS);
    sim.runUntilIdle();
    assertThat(done).containsExactly("a at " + 60 * MS, "b at " + 60 * MS, "c at " + 120 * MS);
  }

  @Test
  void threeThreadsOnTwoCoresEachGetTwoThirdsOfACoreUntilOneLeaves() {
    CpuCores cores = new CpuCores(sim, "s", 2);
    start(cores, "a", 0, 60 * MS);
    start(cores, "b", 0, 60 * MS);
    start(cores, "c", 0, 120 * MS);
    sim.runUntilIdle();
    // a and b need 60 ms at 2/3 speed: 90 ms. c has done 60 by then and runs alone: 150 ms.
    assertThat(done).containsExactly("a at " + 90 * MS, "b at " + 90 * MS, "c at " + 150 * MS);
  }

  @Test
  void aThreadThatArrivesLaterSlowsTheOthersFromThenOn() {
    CpuCores cores = new CpuCores(sim, "s", 1);
    start(cores, "a", 0, 100 * MS);
    start(cores, "b", 50 * MS, 100 * MS);
    sim.runUntilIdle();
    // a: 50 alone, then its last 50 at half speed (100 ms): 150. b: 50 done at 150, rest alone: 200.
    assertThat(done).containsExactly("a at " + 150 * MS, "b at " + 200 * MS);
  }

  @Test
  void asManyThreadsAsCoresRunAtFullSpeed() {
    CpuCores cores = new CpuCores(sim, "s", 4);
    for (int i = 0; i < 4; i++) {
      start(cores, "t" + i, 0, 30 * MS);
    }
    sim.runUntilIdle();
    assertThat(done).containsExactly("t0 at " + 30 * MS, "t1 at " + 30 * MS, "t2 at " + 30 * MS,
        "t3 at " + 30 * MS);
  }
}
