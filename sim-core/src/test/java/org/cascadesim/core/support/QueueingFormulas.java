package org.cascadesim.core.support;

/**
 * Closed-form results of elementary queueing theory, the analytic side of the engine's
 * correctness tests (Kleinrock, "Queueing Systems, Volume 1", 1975, chapters 3 and 5; Gross and
 * Harris, "Fundamentals of Queueing Theory", 4th ed., chapter 2). Rates are per unit of time and
 * times are in that unit; lambda is the arrival rate, mu the service rate of one server.
 */
public final class QueueingFormulas {

  private QueueingFormulas() {}

  /** M/M/1 mean wait in queue: Wq = rho / (mu - lambda). */
  public static double mm1MeanWait(double lambda, double mu) {
    requireStable(lambda, mu, 1);
    return lambda / mu / (mu - lambda);
  }

  /** M/M/1 mean number in queue: Lq = rho^2 / (1 - rho). */
  public static double mm1MeanQueueLength(double lambda, double mu) {
    requireStable(lambda, mu, 1);
    double rho = lambda / mu;
    return rho * rho / (1 - rho);
  }

  /**
   * Erlang's C formula: the probability that an arriving customer waits in an M/M/c queue with
   * offered load {@code a = lambda / mu < c}:
   * C(c, a) = (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a))).
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

  /** M/M/c mean wait in queue: Wq = C(c, a) / (c mu - lambda). */
  public static double mmcMeanWait(int c, double lambda, double mu) {
    requireStable(lambda, mu, c);
    return erlangC(c, lambda / mu) / (c * mu - lambda);
  }

  /** M/M/c wait tail under FIFO: P(Wq > t) = C(c, a) exp(-(c mu - lambda) t). */
  public static double mmcWaitTail(int c, double lambda, double mu, double t) {
    requireStable(lambda, mu, c);
    return erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
  }

  /**
   * M/G/1 mean wait in queue by the Pollaczek-Khinchine formula: Wq = lambda E[S^2] / (2 (1 -
   * rho)); for M/D/1 with service time d, E[S^2] = d^2.
   */
  public static double mg1MeanWait(double lambda, double meanService, double secondMomentService) {
    double rho = lambda * meanService;
    if (!(rho < 1)) {
      throw new IllegalArgumentException("unstable queue: rho=" + rho);
    }
    return lambda * secondMomentService / (2 * (1 - rho));
  }

  /**
   * M/M/c/K blocking probability, the stationary probability of K customers in the system (which
   * arrivals see, by PASTA): p_n = p_0 a^n / n! for n <= c and p_0 (a^c / c!) (a / c)^(n - c) for c
   * < n <= K, normalised.
   */
  public static double mmckBlocking(int c, int capacity, double lambda, double mu) {
    if (c < 1 || capacity < c) {
      throw new IllegalArgumentException("need 1 <= c <= K (was c=" + c + ", K=" + capacity + ")");
    }
    double a = lambda / mu;
    double term = 1; // unnormalised p_n
    double total = 1;
    for (int n = 1; n <= capacity; n++) {
      term *= n <= c ? a / n : a / c;
      total += term;
    }
    return term / total;
  }

  private static void requireStable(double lambda, double mu, int c) {
    if (!(lambda > 0 && mu > 0 && lambda < c * mu)) {
      throw new IllegalArgumentException(
          "unstable or invalid queue: lambda=" + lambda + " mu=" + mu + " c=" + c);
    }
  }
}
