package org.cascadesim.models.support;

/**
 * The M/M/c results the pool tests compare against (Kleinrock, "Queueing Systems, Volume 1",
 * 1975, section 3.5; Gross and Harris, "Fundamentals of Queueing Theory", 4th ed., section 2.3),
 * copied from sim-core's test support. Rates are per unit of time; lambda is the arrival rate, mu
 * the service rate of one server.
 */
public final class QueueingFormulas {

  private QueueingFormulas() {}

  /**
   * Erlang's C formula: the probability that an arriving customer waits in an M/M/c queue with
   * offered load {@code a = lambda / mu < c}.
   */
  public static double erlangC(int c, double a) {
    if (!(a > 0 && a < c)) {
      throw new IllegalArgumentException("need 0 < a < c (was a=" + a + ", c=" + c + ")");
    }
    double term = 1; // a^k / k!
    double sum = 0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double waiting = term * c / (c - a);
    return waiting / (sum + waiting);
  }

  /** M/M/c mean wait in queue: Wq = C(c, a) / (c mu - lambda); the same for every order of service that does not look at service times. */
  public static double mmcMeanWait(int c, double lambda, double mu) {
    return erlangC(c, lambda / mu) / (c * mu - lambda);
  }

  /** M/M/c wait tail under FIFO: P(Wq > t) = C(c, a) exp(-(c mu - lambda) t). */
  public static double mmcWaitTail(int c, double lambda, double mu, double t) {
    return erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
  }
}
