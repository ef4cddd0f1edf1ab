package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells from a run's time series whether something grows through the whole run: a queue, the
 * requests in flight, or the event-loop lag. Offered load at or above capacity (rho &gt;= 1) leaves no
 * steady state and the backlog keeps growing (the basic stability condition of queueing theory),
 * so a short run looks merely slow; this check names the growth so the summary can say the
 * system is saturated rather than slow.
 *
 * <p>Rule: split the run's windows into four quarters and average each; a series grows through
 * the run when the four quarter means strictly increase, the last is at least twice the first,
 * and it rose by at least a floor (10 requests for counts, 100 ms for lag), so that noise around a
 * steady level or a short start-up transient is not reported. Runs shorter than eight windows are
 * not judged.
 */
public final class Saturation {

  /** The least rise of a count (queue length, requests in flight) that counts as growth. */
  public static final double COUNT_FLOOR = 10;
  /** The least rise of a lag or wait (nanoseconds) that counts as growth. */
  public static final double LAG_FLOOR_NANOS = 100e6;

  private static final int QUARTERS = 4;
  private static final int MIN_WINDOWS = 8;
  private static final double NANOS_PER_MILLI = 1e6;

  private Saturation() {}

  /**
   * One series that grows through the run.
   *
   * @param metric the metric's name ({@code service.api.loop.queue})
   * @param quarterMeans its mean over each quarter of the run
   * @param unit {@code ""} for counts, {@code "ms"} for lag (means already in milliseconds)
   */
  public record Finding(String metric, double[] quarterMeans, String unit) {}

  /** Returns the series of {@code run} that grow through the whole run, in column order. */
  public static List<Finding> find(RunSummary run) {
    TimeSeries series = run.timeSeries();
    List<Finding> found = new ArrayList<>();
    int windows = series.rows().size();
    if (windows < MIN_WINDOWS) {
      return found;
    }
    for (String column : series.columns()) {
      if (isCount(column)) {
        double[] q = quarterMeans(series.values(column));
        if (grows(q, COUNT_FLOOR)) {
          found.add(new Finding(column.substring(0, column.length() - ".mean".length()), q, ""));
        }
      } else if (column.endsWith(".lag.p50")) {
        double[] q = quarterMeans(series.values(column));
        if (grows(q, LAG_FLOOR_NANOS)) {
          double[] ms = new double[q.length];
          for (int i = 0; i < q.length; i++) {
            ms[i] = q[i] / NANOS_PER_MILLI;
          }
          found.add(new Finding(column.substring(0, column.length() - ".p50".length()) + " p50", ms, "ms"));
        }
      }
    }
    return found;
  }

  /** Returns the summary's lines about saturation: empty when nothing grows. */
  public static String describe(RunSummary run) {
    List<Finding> found = find(run);
    if (found.isEmpty()) {
      return "";
    }
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append("SATURATED: ").append(found.size() == 1 ? "this grows" : "these grow")
        .append(" through the whole run, so the system is not keeping up (mean per quarter of the run):")
        .append(nl);
    int width = 0;
    for (Finding f : found) {
      width = Math.max(width, label(f).length());
    }
    for (Finding f : found) {
      out.append("  ").append(String.format(Locale.ROOT, "%-" + width + "s", label(f)));
      for (int i = 0; i < f.quarterMeans().length; i++) {
        double v = f.quarterMeans()[i];
        out.append(i == 0 ? "  " : " -> ").append(String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v));
      }
      out.append(nl);
    }
    return out.toString();
  }

  /**
   * Returns whether four quarter means show growth through the run: strictly increasing, the last
   * at least twice the first, and a rise of at least {@code floor}.
   */
  public static boolean grows(double[] quarterMeans, double floor) {
    for (int i = 1; i < quarterMeans.length; i++) {
      if (!(quarterMeans[i] > quarterMeans[i - 1])) {
        return false;
      }
    }
    double first = quarterMeans[0];
    double last = quarterMeans[quarterMeans.length - 1];
    return last >= 2 * first && last - first >= floor;
  }

  /** Returns the means of four consecutive, nearly equal parts of {@code values}. */
  static double[] quarterMeans(double[] values) {
    double[] means = new double[QUARTERS];
    for (int q = 0; q < QUARTERS; q++) {
      int from = q * values.length / QUARTERS;
      int to = (q + 1) * values.length / QUARTERS;
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += values[i];
      }
      means[q] = sum / (to - from);
    }
    return means;
  }

  private static boolean isCount(String column) {
    return column.endsWith(".queue.mean") || column.endsWith(".inflight.mean")
        || column.endsWith(".goroutines.mean");
  }

  private static String label(Finding f) {
    return f.unit().isEmpty() ? f.metric() : f.metric() + " (" + f.unit() + ")";
  }
}
