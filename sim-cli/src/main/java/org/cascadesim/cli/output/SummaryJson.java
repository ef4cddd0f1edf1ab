package org.cascadesim.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.Timeline;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.VariantSpec;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code summary.json} of an output folder: the documented, stable schema of
 * docs/summary-schema.md with k6's statistic names ({@code p(99)}, {@code avg}, {@code count},
 * {@code rate}; k6 docs "end-of-test summary"). It holds simulated quantities only, keys in a
 * fixed order, numbers as plain decimals rounded to 6 places (latencies in ms, so nanosecond
 * resolution), {@code \n} line ends: the same scenario and seed give the same bytes.
 */
public final class SummaryJson {
  /** The schema identifier; its number changes only when a key is renamed or removed. */
  public static final String SCHEMA = "cascadesim-summary/2";
  /** The percentiles reported for every latency, as k6 names them. */
  public static final double[] PERCENTILES = {50, 90, 99, 99.9};

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectNameValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private SummaryJson() {}

  /** Returns the JSON text, ending with a line feed. */
  public static String format(ResolvedScenario scenario, List<RunSummary> runs) {
    return write(tree(scenario, runs));
  }

  /** Writes a tree with two-space indents, {@code "key": value} and {@code \n} line ends. */
  static String write(JsonNode tree) {
    return MAPPER.writer().with(PRETTY).writeValueAsString(tree) + "\n";
  }

  /** Returns an empty object node of the mapper used for every file. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Builds the JSON tree; keys are inserted in the documented order. */
  public static ObjectNode tree(ResolvedScenario scenario, List<RunSummary> runs) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("scenario", scenario.base().name());
    root.put("description", scenario.base().description().strip());
    ObjectNode variants = root.putObject("variants");
    for (RunSummary run : runs) {
      ObjectNode v = variants.putObject(run.variant());
      VariantSpec spec = scenario.variants().get(run.variant());
      v.put("description", spec == null ? "" : spec.description().strip());
      v.put("seed", run.seed());
      v.put("duration_s", seconds(run.durationNanos()));
      v.put("warmup_s", seconds(run.warmupNanos()));
      v.put("measured_s", seconds(run.measuredNanos()));
      ObjectNode stop = v.putObject("stop");
      stop.put("reason", run.stop().reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      stop.put("time_s", seconds(run.stop().timeNanos()));
      stop.put("events", run.stop().eventsExecuted());
      stop.put("limit_hit", run.stop().hitLimit());
      stop.put("detail", run.stop().detail());
      v.put("balanced", run.balances());
      section(v.putObject("clients"), run.clients(), run.measuredNanos());
      section(v.putObject("endpoints"), run.endpoints(), run.measuredNanos());
      section(v.putObject("dependencies"), run.dependencies(), run.measuredNanos());
      timeline(v.putArray("timeline"), Timeline.of(run, scenario.timeline()));
    }
    return root;
  }

  /** One object per moment of the cascade timeline, earliest first (docs/summary-schema.md). */
  private static void timeline(ArrayNode array, Timeline timeline) {
    for (Timeline.Moment m : timeline.moments()) {
      ObjectNode o = array.addObject();
      o.put("time_s", seconds(m.atNanos()));
      o.put("kind", m.kind().key());
      o.put("subject", m.subject());
      o.put("detail", m.detail());
    }
  }

  private static void section(ObjectNode node, List<TrafficSummary> rows, long measuredNanos) {
    for (TrafficSummary t : rows) {
      ObjectNode c = node.putObject(t.name());
      if (!t.target().isEmpty()) {
        c.put("target", t.target());
      }
      counter(c.putObject("requests"), t.offered(), measuredNanos);
      ObjectNode outcomes = c.putObject("outcomes");
      for (Outcome outcome : Outcome.values()) {
        counter(outcomes.putObject(outcome.label()), t.count(outcome), measuredNanos);
      }
      c.put("in_flight", t.inFlight());
      c.putObject("goodput").put("rate", rate(t.count(Outcome.OK), measuredNanos));
      double successRate = t.successRate();
      if (Double.isNaN(successRate)) {
        c.putNull("success_rate"); // nothing was answered: no data
      } else {
        c.put("success_rate", round(BigDecimal.valueOf(successRate)));
      }
      trend(c.putObject("latency_ms"), t.latency());
      trend(c.putObject("latency_ok_ms"), t.latencyOk());
    }
  }

  private static void counter(ObjectNode node, long count, long measuredNanos) {
    node.put("count", count);
    node.put("rate", rate(count, measuredNanos));
  }

  /** A k6 trend in ms: count, avg, min, the percentiles and max; null statistics when empty. */
  private static void trend(ObjectNode node, Histogram h) {
    long count = h.getTotalCount();
    node.put("count", count);
    if (count == 0) {
      node.putNull("avg");
      node.putNull("min");
      for (double p : PERCENTILES) {
        node.putNull(percentileKey(p));
      }
      node.putNull("max");
      return;
    }
    node.put("avg", round(BigDecimal.valueOf(h.getMean()).movePointLeft(6)));
    node.put("min", millis(h.getMinValue()));
    for (double p : PERCENTILES) {
      node.put(percentileKey(p), millis(h.getValueAtPercentile(p)));
    }
    node.put("max", millis(h.getMaxValue()));
  }

  /** k6's name of a percentile: {@code p(99)}, {@code p(99.9)}. */
  public static String percentileKey(double p) {
    return "p(" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + ")";
  }

  /** Nanoseconds as exact milliseconds. */
  static BigDecimal millis(long nanos) {
    return plain(BigDecimal.valueOf(nanos, 6));
  }

  static BigDecimal seconds(long nanos) {
    return plain(BigDecimal.valueOf(nanos, 9));
  }

  private static BigDecimal rate(long count, long spanNanos) {
    if (spanNanos <= 0) {
      return BigDecimal.ZERO;
    }
    return round(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1_000_000_000L))
        .divide(BigDecimal.valueOf(spanNanos), 6, RoundingMode.HALF_EVEN));
  }

  static BigDecimal round(BigDecimal value) {
    return plain(value.setScale(6, RoundingMode.HALF_EVEN));
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
