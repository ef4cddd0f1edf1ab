package org.cascadesim.models.idempotency;

import java.util.TreeMap;
import java.util.TreeSet;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.models.request.Invocation;

/**
 * Counts the side effects a dependency performed (a charge the provider made, whether or not the
 * caller was still waiting) per idempotency key, so that duplicates (a key charged twice) are a
 * result of the run beside latency. Effects of calls without a key are counted but cannot be
 * checked for duplicates. Books: {@code sideEffect.<dependency>.effects} and {@code .duplicates}.
 *
 * <p>After the warm-up ({@link #rebaseAfterWarmup()}) every figure describes the measured period
 * only, but a key remembers its effects from the start: a charge after the warm-up on a key
 * already charged during it is a duplicate.
 */
public final class SideEffectLedger {
  private final Simulation sim;
  private final String dependency;
  private final String kind;
  private final TreeMap<String, Integer> perKey = new TreeMap<>();
  /** The keys with an effect in the measured period, and those with a duplicate in it. */
  private final TreeSet<String> keysMeasured = new TreeSet<>();
  private final TreeSet<String> keysDuplicatedMeasured = new TreeSet<>();
  private final Counter effects;
  private final Counter duplicates;
  private long unkeyed;

  /** Creates the ledger of a dependency whose successful calls have side effects of {@code kind}. */
  public SideEffectLedger(Simulation sim, String dependency, String kind) {
    this.sim = sim;
    this.dependency = dependency;
    this.kind = kind;
    this.effects = sim.metrics().counter("sideEffect." + dependency + ".effects");
    this.duplicates = sim.metrics().counter("sideEffect." + dependency + ".duplicates");
  }

  /** Records one effect performed for {@code call}. */
  public void record(Invocation call) {
    long now = sim.nowNanos();
    effects.increment(now);
    String key = call.context().idempotencyKey();
    if (key == null) {
      unkeyed++;
      return;
    }
    int n = perKey.merge(key, 1, Integer::sum);
    keysMeasured.add(key);
    if (n >= 2) {
      duplicates.increment(now);
      keysDuplicatedMeasured.add(key);
    }
  }

  /**
   * Starts the measured period: the counts of keys and of unkeyed effects restart (the effect and
   * duplicate counters restart with every whole-run total); what each key was charged is kept.
   */
  public void rebaseAfterWarmup() {
    keysMeasured.clear();
    keysDuplicatedMeasured.clear();
    unkeyed = 0;
  }

  /** Returns the dependency's name. */
  public String dependency() {
    return dependency;
  }

  /** Returns the kind of side effect ({@code charge}). */
  public String kind() {
    return kind;
  }

  /** Returns the effects performed. */
  public long effects() {
    return effects.count();
  }

  /** Returns the effects beyond the first of their key (extra charges). */
  public long duplicates() {
    return duplicates.count();
  }

  /** Returns the keys with more than one effect (keys charged twice or more). */
  public long keysDuplicated() {
    return keysDuplicatedMeasured.size();
  }

  /** Returns the distinct keys with an effect. */
  public long keys() {
    return keysMeasured.size();
  }

  /** Returns the effects of calls without an idempotency key. */
  public long unkeyed() {
    return unkeyed;
  }
}
