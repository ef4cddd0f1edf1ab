package org.cascadesim.core;

import java.util.Locale;
import org.cascadesim.core.random.SeedMixer;

/**
 * A running 64-bit hash over every event's time, sequence number and type, finished with the
 * final metrics: two runs with equal fingerprints executed the same events in the same order and
 * measured the same results (FoundationDB's "unseed" check, TigerBeetle's VOPR habit).
 */
public final class Fingerprint implements EventObserver {
  private long hash = 0x6a09e667f3bcc908L;
  private long events;

  /** Attaches a new fingerprint to a simulation and returns it. */
  public static Fingerprint attach(Simulation simulation) {
    Fingerprint fingerprint = new Fingerprint();
    simulation.setObserver(fingerprint);
    return fingerprint;
  }

  @Override
  public void onEvent(long timeNanos, long seq, Action action) {
    events++;
    mix(timeNanos);
    mix(seq);
    mix(SeedMixer.hashName(EventTypes.of(action)));
  }

  /** Returns the number of events hashed. */
  public long events() {
    return events;
  }

  /** Returns the hash of the events so far, finished with the simulation's final metrics, as hex. */
  public String finish(Simulation simulation) {
    long h = hash;
    for (String line : simulation.metrics().describe(simulation.nowNanos())) {
      h = step(h, SeedMixer.hashName(line));
    }
    h = step(h, events);
    return String.format(Locale.ROOT, "%016x", h);
  }

  private void mix(long value) {
    hash = step(hash, value);
  }

  private static long step(long h, long value) {
    return Long.rotateLeft(h ^ SeedMixer.mix64(value), 27) * 0x9e3779b97f4a7c15L + 0x632be59bd9b4e019L;
  }
}
