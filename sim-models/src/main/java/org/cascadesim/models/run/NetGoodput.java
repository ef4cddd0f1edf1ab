package org.cascadesim.models.run;

import org.cascadesim.models.request.Outcome;

/**
 * The objective that ranks fixes ("which fix first"): net goodput, the successful answers every
 * client received per second of the measured span, less the duplicate side effects (extra card
 * charges) per second, because a double charge undoes a sale (it is refunded, and usually costs a
 * support contact on top). Its single entry point is {@link #of(RunSummary)}; higher is better.
 *
 * @param okPerSecond successful client answers per measured second, all clients together
 * @param duplicatesPerSecond extra side effects per measured second, all dependencies together
 */
public record NetGoodput(double okPerSecond, double duplicatesPerSecond) {

  /** Returns the objective's value: {@code okPerSecond - duplicatesPerSecond}. */
  public double value() {
    return okPerSecond - duplicatesPerSecond;
  }

  /** Evaluates the objective on one run. */
  public static NetGoodput of(RunSummary run) {
    long ok = 0;
    for (TrafficSummary client : run.clients()) {
      ok += client.count(Outcome.OK);
    }
    double seconds = run.measuredNanos() / 1e9;
    if (seconds <= 0) {
      return new NetGoodput(0, 0);
    }
    return new NetGoodput(ok / seconds, run.retries().duplicateEffects() / seconds);
  }
}
