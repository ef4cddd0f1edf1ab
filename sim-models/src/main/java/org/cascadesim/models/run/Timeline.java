package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.breaker.Transition;
import org.cascadesim.models.scenario.Durations;
import org.cascadesim.models.scenario.TimelineSpec;

/**
 * The cascade timeline of a run: in time order, the first moment each mechanism crossed its line
 * (event-loop lag, pool waiters, acquire timeouts, breaker transitions, client timeouts, retry
 * amplification, duplicate side effects, unbounded in-flight growth, goodput collapse and
 * recovery), read from the run's 1 s time series and breaker records so an incident can be read
 * as "what saturated first". Lines are a {@link TimelineSpec}; the persistence rule for collapse
 * and recovery follows the metastability definition of mechanisms.md g.1 and g.5 (a state that
 * lasts, not one noisy window).
 *
 * @param moments the moments, earliest first
 */
public record Timeline(List<Moment> moments) {

  /** Copies the list. */
  public Timeline {
    moments = List.copyOf(moments);
  }

  /** What crossed its line. */
  public enum Kind {
    /** An event loop's p99 lag in a window passed {@link TimelineSpec#loopLagNanos()}. */
    LOOP_LAG("event-loop lag"),
    /** A pool's mean waiters in a window reached {@link TimelineSpec#poolWaiters()}. */
    POOL_WAITERS("pool waiters"),
    /** A pool's first acquire timeout. */
    ACQUIRE_TIMEOUTS("acquire timeouts"),
    /** A breaker opened for the first time. */
    BREAKER_OPEN("breaker opened"),
    /** A breaker went half-open for the first time. */
    BREAKER_HALF_OPEN("breaker half-open"),
    /** A breaker closed for the first time after opening. */
    BREAKER_CLOSED("breaker closed"),
    /** A client's share of timeouts in a window reached {@link TimelineSpec#clientTimeoutRate()}. */
    CLIENT_TIMEOUTS("client timeouts"),
    /** A retry layer's attempts per request in a window reached {@link TimelineSpec#retryAmplification()}. */
    RETRY_AMPLIFICATION("retry amplification"),
    /** A dependency performed its first duplicate side effect (an extra charge). */
    DUPLICATE_EFFECTS("duplicate side effects"),
    /** Requests in flight passed their baseline plus {@link TimelineSpec#inFlight()} for good. */
    INFLIGHT_GROWTH("in-flight growing without bound"),
    /** A client's goodput stayed below {@link TimelineSpec#collapseFraction()} of its baseline. */
    GOODPUT_COLLAPSE("goodput collapse"),
    /** After a collapse, goodput stayed at or above {@link TimelineSpec#recoveryFraction()} of its baseline. */
    GOODPUT_RECOVERY("goodput recovery");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Returns the label printed in summaries ({@code event-loop lag}). */
    public String label() {
      return label;
    }

    /** Returns the key used in summary.json ({@code loop-lag}). */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One crossing.
   *
   * @param atNanos when: the start of the first window past the line (or the warm-up's end when that
   *     window began inside it), or a breaker's exact transition time
   * @param kind the mechanism
   * @param subject what crossed it ({@code pool payments.db}, {@code client mobile})
   * @param detail the measured value against the line
   */
  public record Moment(long atNanos, Kind kind, String subject, String detail) {}

  /** Returns whether nothing crossed its line. */
  public boolean isEmpty() {
    return moments.isEmpty();
  }

  /** Computes the timeline of a run against the lines of {@code spec}. */
  public static Timeline of(RunSummary run, TimelineSpec spec) {
    TimeSeries ts = run.timeSeries();
    long window = ts.windowNanos();
    int n = ts.rows().size();
    int from = (int) Math.min(n, run.warmupNanos() / window);
    int baselineEnd = (int) Math.min(n, from + Math.max(1, spec.baselineNanos() / window));
    List<Moment> out = new ArrayList<>();
    for (String column : ts.columns()) {
      if (column.startsWith("service.") && column.endsWith(".loop.lag.p99")) {
        String service = between(column, "service.", ".loop.lag.p99");
        double[] lag = ts.values(column);
        int w = firstAbove(lag, from, spec.loopLagNanos());
        if (w >= 0) {
          out.add(new Moment(w * window, Kind.LOOP_LAG, "service " + service, "p99 loop lag "
              + Durations.format(Math.round(lag[w] / 1e5) * 100_000L) + " > " + Durations.format(spec.loopLagNanos())));
        }
      } else if (column.startsWith("pool.") && column.endsWith(".waiters.mean")) {
        String pool = between(column, "pool.", ".waiters.mean");
        double[] waiters = ts.values(column);
        int w = firstAbove(waiters, from, spec.poolWaiters() - 1e-9);
        if (w >= 0) {
          out.add(new Moment(w * window, Kind.POOL_WAITERS, "pool " + pool,
              String.format(Locale.ROOT, "%.1f waiters on average >= %s", waiters[w], number(spec.poolWaiters()))));
        }
      } else if (column.startsWith("pool.") && column.endsWith(".acquire-timeouts")) {
        String pool = between(column, "pool.", ".acquire-timeouts");
        double[] timeouts = ts.values(column);
        int w = firstAbove(timeouts, from, 0);
        if (w >= 0) {
          out.add(new Moment(w * window, Kind.ACQUIRE_TIMEOUTS, "pool " + pool,
              number(timeouts[w]) + " acquire timeouts in the window"));
        }
      } else if ((column.startsWith("client.") || column.startsWith("retry.client "))
          && column.endsWith(".outcome.timeout")) {
        boolean attempts = column.startsWith("retry.");
        String client = attempts ? between(column, "retry.client ", ".attempt.outcome.timeout") + " attempts"
            : between(column, "client.", ".outcome.timeout");
        double[] timeouts = ts.values(column);
        double[] answered = answered(ts, column.substring(0, column.length() - "timeout".length()));
        int w = firstRateAtLeast(timeouts, answered, from, spec.clientTimeoutRate());
        if (w >= 0) {
          out.add(new Moment(w * window, Kind.CLIENT_TIMEOUTS, "client " + client,
              String.format(Locale.ROOT, "%s of %s answers timed out (%.0f%% >= %s%%)", number(timeouts[w]),
                  number(answered[w]), 100 * timeouts[w] / answered[w], number(100 * spec.clientTimeoutRate()))));
        }
      } else if (column.startsWith("client.") && column.endsWith(".outcome.ok")) {
        String client = between(column, "client.", ".outcome.ok");
        goodput(out, "client " + client, perWholeWindow(ts.values(column), window, endNanos(run)), from,
            baselineEnd, window, spec);
      } else if (column.startsWith("retry.") && column.endsWith(".attempts")) {
        String layer = between(column, "retry.", ".attempts");
        int requestsColumn = ts.column("retry." + layer + ".requests");
        if (requestsColumn >= 0) {
          double[] attempts = ts.values(column);
          double[] requests = ts.values("retry." + layer + ".requests");
          int w = firstRateAtLeast(attempts, requests, from, spec.retryAmplification());
          if (w >= 0) {
            out.add(new Moment(w * window, Kind.RETRY_AMPLIFICATION, "retry " + layer,
                String.format(Locale.ROOT, "%s attempts for %s new requests (%.2fx >= %sx)", number(attempts[w]),
                    number(requests[w]), attempts[w] / requests[w], number(spec.retryAmplification()))));
          }
        }
      } else if (column.startsWith("sideEffect.") && column.endsWith(".duplicates")) {
        String dependency = between(column, "sideEffect.", ".duplicates");
        double[] duplicates = ts.values(column);
        int w = firstAbove(duplicates, from, 0);
        if (w >= 0) {
          out.add(new Moment(w * window, Kind.DUPLICATE_EFFECTS, "dependency " + dependency,
              number(duplicates[w]) + " extra side effects in the window"));
        }
      } else if (column.endsWith(".inflight.mean")
          && (column.startsWith("client.") || column.startsWith("endpoint.") || column.startsWith("dependency."))) {
        String subject = column.substring(0, column.length() - ".inflight.mean".length()).replaceFirst("\\.", " ");
        double[] inFlight = ts.values(column);
        double baseline = median(inFlight, from, baselineEnd);
        int w = unboundedGrowthStart(inFlight, from, baseline, spec.inFlight());
        if (w >= 0) {
          long last = finalInFlight(run, column.substring(0, column.length() - ".inflight.mean".length()));
          out.add(new Moment(w * window, Kind.INFLIGHT_GROWTH, subject,
              String.format(Locale.ROOT, "above %s in flight from here to the end (baseline %s, %s)",
                  number(baseline + spec.inFlight()), number(baseline), last >= 0 ? last + " at the end"
                      : "averaging " + number(inFlight[n - 1]) + " in the last second")));
        }
      }
    }
    for (BreakerSummary breaker : run.breakers()) {
      breakerMoments(out, breaker, run.warmupNanos());
    }
    // the window holding the end of a warm-up that is not a whole number of windows is checked too;
    // its moments are dated at the warm-up's end, not before it
    out.replaceAll(m -> m.atNanos() < run.warmupNanos()
        ? new Moment(run.warmupNanos(), m.kind(), m.subject(), m.detail()) : m);
    out.sort(Comparator.comparingLong(Moment::atNanos).thenComparing(Moment::kind).thenComparing(Moment::subject));
    return new Timeline(out);
  }

  /**
   * Returns the in-flight count at the end of the run of the client, endpoint or dependency whose
   * books are under {@code prefix} ({@code client.mobile}), or -1 when the run has no such books.
   */
  private static long finalInFlight(RunSummary run, String prefix) {
    for (List<TrafficSummary> list : List.of(run.clients(), run.endpoints(), run.dependencies())) {
      for (TrafficSummary t : list) {
        if (prefix.equals(t.kind() + "." + t.name())) {
          return t.inFlight();
        }
      }
    }
    return -1;
  }

  /** Returns where the run's time series ends: the end of the run, or the stop of a limit. */
  private static long endNanos(RunSummary run) {
    return run.stop().hitLimit() ? Math.min(run.durationNanos(), run.stop().timeNanos()) : run.durationNanos();
  }

  /**
   * Returns per-window counts with a partial last window (a run whose length is not a whole number
   * of windows, or one a limit stopped) scaled to a whole window, so it is judged on its rate over
   * its actual length: 3 answers in the last 0.3 s of a run are 10 a second, not a collapse.
   */
  static double[] perWholeWindow(double[] counts, long windowNanos, long endNanos) {
    int n = counts.length;
    long lastNanos = endNanos - (n - 1) * windowNanos;
    if (n == 0 || lastNanos <= 0 || lastNanos >= windowNanos) {
      return counts;
    }
    double[] scaled = counts.clone();
    scaled[n - 1] = counts[n - 1] * windowNanos / lastNanos;
    return scaled;
  }

  private static void goodput(List<Moment> out, String subject, double[] ok, int from, int baselineEnd, long window,
      TimelineSpec spec) {
    double baseline = median(ok, from, baselineEnd);
    if (baseline <= 0) {
      return;
    }
    int sustain = goodputSustain(spec.sustainWindows(), baseline);
    int collapse = firstSustained(ok, from, sustain, v -> v < spec.collapseFraction() * baseline);
    if (collapse < 0) {
      return;
    }
    out.add(new Moment(collapse * window, Kind.GOODPUT_COLLAPSE, subject,
        String.format(Locale.ROOT, "%s ok/s, below %s%% of the baseline %s ok/s for %d+ windows", number(ok[collapse]),
            number(100 * spec.collapseFraction()), number(baseline), sustain)));
    int recovery = firstSustained(ok, collapse + 1, sustain, v -> v >= spec.recoveryFraction() * baseline);
    if (recovery >= 0) {
      out.add(new Moment(recovery * window, Kind.GOODPUT_RECOVERY, subject,
          String.format(Locale.ROOT, "%s ok/s, back to %s%% of the baseline %s ok/s for %d+ windows",
              number(ok[recovery]), number(100 * spec.recoveryFraction()), number(baseline), sustain)));
    }
  }

  /** The answers a goodput verdict needs at the baseline rate before it is more than noise. */
  static final int GOODPUT_EVIDENCE_ANSWERS = 20;

  /**
   * How many consecutive windows a goodput collapse or recovery must last: the scenario's {@code
   * sustain}, raised for a client so slow that those windows hold fewer than {@value
   * #GOODPUT_EVIDENCE_ANSWERS} answers at its baseline. At 4.5 answers a window, Poisson noise
   * alone leaves a window at half the baseline or less one time in six, so three in a row happen
   * about once every three minutes; five in a row (22 answers) about once in 1.7 hours.
   */
  static int goodputSustain(int sustainWindows, double baselinePerWindow) {
    int enough = (int) Math.ceil(GOODPUT_EVIDENCE_ANSWERS / baselinePerWindow);
    return Math.max(sustainWindows, enough);
  }

  private static void breakerMoments(List<Moment> out, BreakerSummary breaker, long fromNanos) {
    String subject = "breaker " + breaker.service() + "/" + breaker.name();
    boolean opened = false;
    boolean halfOpen = false;
    boolean closed = false;
    boolean openedBefore = false;
    for (Transition t : breaker.transitions()) {
      if (t.atNanos() < fromNanos) {
        openedBefore |= t.to() == BreakerState.OPEN;
        continue;
      }
      String detail = t.from().name().toLowerCase(Locale.ROOT).replace('_', '-') + " -> "
          + t.to().name().toLowerCase(Locale.ROOT).replace('_', '-') + (t.reason() == null || t.reason().isEmpty()
          ? "" : ": " + t.reason());
      if (t.to() == BreakerState.OPEN && !opened) {
        opened = true;
        out.add(new Moment(t.atNanos(), Kind.BREAKER_OPEN, subject, detail));
      } else if (t.to() == BreakerState.HALF_OPEN && !halfOpen) {
        halfOpen = true;
        out.add(new Moment(t.atNanos(), Kind.BREAKER_HALF_OPEN, subject, detail));
      } else if (t.to() == BreakerState.CLOSED && (opened || openedBefore) && !closed) {
        closed = true;
        out.add(new Moment(t.atNanos(), Kind.BREAKER_CLOSED, subject, detail));
      }
    }
  }

  /** Returns the first index at or after {@code from} whose value is strictly above {@code line}, or -1. */
  static int firstAbove(double[] values, int from, double line) {
    for (int i = Math.max(0, from); i < values.length; i++) {
      if (values[i] > line) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the first index at or after {@code from} where {@code part / whole >= ratio} with a
   * non-zero whole, or -1.
   */
  static int firstRateAtLeast(double[] part, double[] whole, int from, double ratio) {
    for (int i = Math.max(0, from); i < part.length; i++) {
      if (whole[i] > 0 && part[i] > 0 && part[i] / whole[i] >= ratio) {
        return i;
      }
    }
    return -1;
  }

  /** A test of one window's value. */
  @FunctionalInterface
  interface Test {
    /** Returns whether the value passes. */
    boolean test(double value);
  }

  /**
   * Returns the first index at or after {@code from} that starts {@code sustain} consecutive
   * windows passing {@code test}, or -1 (a run that ends before {@code sustain} windows is not one).
   */
  static int firstSustained(double[] values, int from, int sustain, Test test) {
    int run = 0;
    for (int i = Math.max(0, from); i < values.length; i++) {
      run = test.test(values[i]) ? run + 1 : 0;
      if (run >= sustain) {
        return i - sustain + 1;
      }
    }
    return -1;
  }

  /**
   * Returns where in-flight work began to grow without bound, or -1: the series must end at least
   * {@code rise} above {@code baseline}, its last quarter must average more than its third quarter
   * (still rising), and the moment is the first window after the last one at or below {@code
   * baseline + rise}.
   */
  static int unboundedGrowthStart(double[] values, int from, double baseline, double rise) {
    int n = values.length;
    int span = n - from;
    if (span < 8) {
      return -1;
    }
    double line = baseline + rise;
    if (values[n - 1] <= line) {
      return -1;
    }
    int quarter = span / 4;
    double third = mean(values, n - 2 * quarter, n - quarter);
    double last = mean(values, n - quarter, n);
    if (last <= third) {
      return -1;
    }
    int start = from;
    for (int i = from; i < n; i++) {
      if (values[i] <= line) {
        start = i + 1;
      }
    }
    return start < n ? start : -1;
  }

  /** Returns the median of {@code values[from, to)}, 0 when empty. */
  static double median(double[] values, int from, int to) {
    if (to <= from) {
      return 0;
    }
    double[] copy = java.util.Arrays.copyOfRange(values, from, to);
    java.util.Arrays.sort(copy);
    int m = copy.length / 2;
    return copy.length % 2 == 1 ? copy[m] : (copy[m - 1] + copy[m]) / 2;
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return to > from ? sum / (to - from) : 0;
  }

  private static double[] answered(TimeSeries ts, String prefix) {
    double[] sum = new double[ts.rows().size()];
    for (String column : ts.columns()) {
      if (column.startsWith(prefix) && column.indexOf('.', prefix.length()) < 0) {
        double[] v = ts.values(column);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += v[i];
        }
      }
    }
    return sum;
  }

  private static String between(String text, String prefix, String suffix) {
    return text.substring(prefix.length(), text.length() - suffix.length());
  }

  /** Formats a count or rate: whole numbers and values from 100 up without a fraction, others with one decimal. */
  static String number(double v) {
    if ((v == Math.rint(v) || Math.abs(v) >= 100) && Math.abs(v) < 1e15) {
      return Long.toString(Math.round(v));
    }
    return new java.math.BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
