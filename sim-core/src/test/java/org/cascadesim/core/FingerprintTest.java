package org.cascadesim.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.support.QueueingStation;
import org.cascadesim.core.support.QueueingStation.Spec;
import org.junit.jupiter.api.Test;

/**
 * Determinism: a run is a function of its seed. The fingerprint hashes every event's time,
 * sequence number and type and then the final metrics, so equal fingerprints mean the same events
 * in the same order with the same results.
 */
class FingerprintTest {

  private static final long ARRIVALS_END_NANOS = 2_000_000_000L; // about 5,000 customers
  private static final Spec MM2 = Spec.unbounded(
      new Distribution.Exponential(400_000), new Distribution.Exponential(700_000), 2);

  @Test
  void sameSeedGivesTheSameFingerprint() {
    assertThat(fingerprintOf(42L)).isEqualTo(fingerprintOf(42L));
  }

  @Test
  void differentSeedsGiveDifferentFingerprints() {
    assertThat(fingerprintOf(42L)).isNotEqualTo(fingerprintOf(43L));
  }

  @Test
  void twoSimulationsInterleavedStepByStepGiveTheSameFingerprintsAsEachAlone() {
    Simulation a = new Simulation(42L);
    Simulation b = new Simulation(43L);
    Fingerprint fa = Fingerprint.attach(a);
    Fingerprint fb = Fingerprint.attach(b);
    QueueingStation.on(a, MM2).start(ARRIVALS_END_NANOS);
    QueueingStation.on(b, MM2).start(ARRIVALS_END_NANOS);

    boolean aMoved = true;
    boolean bMoved = true;
    while (aMoved || bMoved) {
      aMoved = a.step();
      bMoved = b.step();
    }

    assertThat(fa.events()).isGreaterThan(5_000);
    assertThat(fa.finish(a)).isEqualTo(fingerprintOf(42L));
    assertThat(fb.finish(b)).isEqualTo(fingerprintOf(43L));
  }

  @Test
  void fingerprintCoversTheFinalMetrics() {
    Simulation a = new Simulation(1L);
    Simulation b = new Simulation(1L);
    Fingerprint fa = Fingerprint.attach(a);
    Fingerprint fb = Fingerprint.attach(b);
    a.schedule(5, () -> a.metrics().counter("hits").increment(a.nowNanos()));
    b.schedule(5, () -> b.metrics().counter("hits").add(b.nowNanos(), 2));
    a.runUntilIdle();
    b.runUntilIdle();

    assertThat(fa.events()).isEqualTo(fb.events());
    assertThat(fa.finish(a)).isNotEqualTo(fb.finish(b));
  }

  @Test
  void fingerprintDistinguishesEventOrder() {
    Simulation a = new Simulation(1L);
    Simulation b = new Simulation(1L);
    Fingerprint fa = Fingerprint.attach(a);
    Fingerprint fb = Fingerprint.attach(b);
    a.schedule(5, new First());
    a.schedule(5, new Second());
    b.schedule(5, new Second());
    b.schedule(5, new First());
    a.runUntilIdle();
    b.runUntilIdle();

    assertThat(fa.finish(a)).isNotEqualTo(fb.finish(b));
  }

  private static String fingerprintOf(long seed) {
    Simulation sim = new Simulation(seed);
    Fingerprint fingerprint = Fingerprint.attach(sim);
    QueueingStation.on(sim, MM2).start(ARRIVALS_END_NANOS);
    RunResult result = sim.runUntilIdle();
    assertThat(result.reason()).isEqualTo(StopReason.IDLE);
    assertThat(fingerprint.events()).isEqualTo(sim.eventsExecuted());
    return fingerprint.finish(sim);
  }

  private static final class First implements Action {
    @Override
    public void run() {}
  }

  private static final class Second implements Action {
    @Override
    public void run() {}
  }
}
