package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.models.idempotency.IdempotencyStore;
import org.cascadesim.models.idempotency.SideEffectLedger;
import org.cascadesim.models.retry.RetryingCaller;

/**
 * The retry and idempotency results of a run: retry amplification per retrying layer, what each
 * idempotency store did, and duplicate side effects (extra charges) per side-effecting
 * dependency, a first-class result beside latency.
 *
 * @param layers one row per retrying layer (client or call site), in model order
 * @param stores one row per idempotency store
 * @param sideEffects one row per dependency with a side effect
 */
public record RetryReport(List<Layer> layers, List<Store> stores, List<SideEffects> sideEffects) {

  /** Copies the lists. */
  public RetryReport {
    layers = List.copyOf(layers);
    stores = List.copyOf(stores);
    sideEffects = List.copyOf(sideEffects);
  }

  /** The report of a run with no retries, stores or side effects. */
  public static RetryReport empty() {
    return new RetryReport(List.of(), List.of(), List.of());
  }

  /** Collects the report of a model. */
  public static RetryReport of(SystemModel model) {
    List<Layer> layers = new ArrayList<>();
    for (RetryingCaller c : model.retryLayers()) {
      layers.add(new Layer(c.layer(), c.requests(), c.attempts(), c.budgetRefused(), c.exhausted()));
    }
    List<Store> stores = new ArrayList<>();
    for (IdempotencyStore s : model.idempotencyStores()) {
      stores.add(new Store(s.name(), s.mode().label(), s.replays(), s.conflicts(), s.uniqueViolations()));
    }
    List<SideEffects> effects = new ArrayList<>();
    for (SideEffectLedger l : model.sideEffectLedgers()) {
      effects.add(new SideEffects(l.dependency(), l.kind(), l.effects(), l.keys(), l.duplicates(), l.keysDuplicated(), l.unkeyed()));
    }
    return new RetryReport(layers, stores, effects);
  }

  /** Returns the extra side effects summed over every dependency. */
  public long duplicateEffects() {
    long n = 0;
    for (SideEffects s : sideEffects) {
      n += s.duplicates();
    }
    return n;
  }

  /**
   * One retrying layer's totals.
   *
   * @param requests logical requests accepted
   * @param attempts attempts sent
   * @param budgetRefused retries the budget refused
   * @param exhausted requests that failed on their last allowed attempt
   */
  public record Layer(String layer, long requests, long attempts, long budgetRefused, long exhausted) {
    /** Returns attempts per logical request (retry amplification), 0 with no request. */
    public double amplification() {
      return requests == 0 ? 0 : (double) attempts / requests;
    }
  }

  /**
   * One idempotency store's totals.
   *
   * @param replays stored responses replayed
   * @param conflicts 409 answers to a duplicate in progress
   * @param uniqueViolations final INSERTs that hit the unique constraint (after the side effect)
   */
  public record Store(String name, String mode, long replays, long conflicts, long uniqueViolations) {}

  /**
   * One side-effecting dependency's totals.
   *
   * @param effects side effects performed
   * @param keys distinct idempotency keys with an effect
   * @param duplicates effects beyond the first of their key (extra charges)
   * @param keysDuplicated keys with more than one effect
   * @param unkeyed effects of calls without a key (not checked)
   */
  public record SideEffects(String dependency, String kind, long effects, long keys, long duplicates,
      long keysDuplicated, long unkeyed) {}
}
