package org.cascadesim.cli.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadesim.models.scenario.Durations;
import org.cascadesim.models.scenario.Rates;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.SloSpec;

/**
 * Binds the scenario's {@code slo:} list: each item names a subject ({@code client: NAME} or
 * {@code endpoint: "SERVICE /path"}) and one or more assertions {@code STAT: "OP VALUE"}, with the
 * value in the statistic's unit ({@code p99: "< 500ms"}, {@code successRate: ">= 99.9%"}, {@code
 * goodput: ">= 18/s"}, {@code errors: "== 0"}). Every problem is reported with its location.
 */
final class SloBinder {

  private static final Pattern ASSERTION = Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(\\S+)\\s*");

  private SloBinder() {}

  static List<SloSpec> bind(Node node, ScenarioSpec base, List<Problem> problems) {
    List<SloSpec> slos = new ArrayList<>();
    if (node == null) {
      return slos;
    }
    if (!(node instanceof Node.ListNode list)) {
      problems.add(Problem.at(node.location(), "slo", "expected a list of assertions, got " + node.describe()));
      return slos;
    }
    for (int i = 0; i < list.items().size(); i++) {
      String path = "slo[" + i + "]";
      Node item = list.items().get(i);
      if (!(item instanceof Node.MapNode map)) {
        problems.add(Problem.at(item.location(), path,
            "expected a map such as {client: shoppers, p99: \"< 500ms\"}, got " + item.describe()));
        continue;
      }
      String kind = null;
      String subject = null;
      for (String k : List.of("client", "endpoint")) {
        Node.Entry e = map.entries().get(k);
        if (e == null) {
          continue;
        }
        if (kind != null) {
          problems.add(Problem.at(e.keyLocation(), path + "." + k, "name either a client or an endpoint, not both"));
          continue;
        }
        if (!(e.value() instanceof Node.ScalarNode s) || s.kind() != Node.Kind.STRING) {
          problems.add(Problem.at(e.value().location(), path + "." + k, "expected a name, got " + e.value().describe()));
          continue;
        }
        boolean exists = k.equals("client") ? base.clients().containsKey(s.text()) : endpointExists(base, s.text());
        if (!exists) {
          problems.add(Problem.at(s.location(), path + "." + k, "no " + k + " named '" + s.text() + "'; "
              + (k.equals("client") ? "clients: " + String.join(", ", base.clients().keySet())
                  : "endpoints: " + endpoints(base))));
          continue;
        }
        kind = k;
        subject = s.text();
      }
      if (kind == null && !map.entries().containsKey("client") && !map.entries().containsKey("endpoint")) {
        problems.add(Problem.at(map.location(), path, "an SLO needs a subject: client: NAME or endpoint: \"SERVICE /path\""));
      }
      int asserted = 0;
      for (Map.Entry<String, Node.Entry> e : map.entries().entrySet()) {
        String key = e.getKey();
        if (key.equals("client") || key.equals("endpoint")) {
          continue;
        }
        String keyPath = path + "." + key;
        asserted++;
        if (!SloSpec.STATS.contains(key)) {
          problems.add(Problem.at(e.getValue().keyLocation(), keyPath,
              SpecBinder.unknownKey(key, concat(List.of("client", "endpoint"), SloSpec.STATS))));
          continue;
        }
        Node value = e.getValue().value();
        if (!(value instanceof Node.ScalarNode s) || s.kind() != Node.Kind.STRING) {
          problems.add(Problem.at(value.location(), keyPath, "expected \"OP VALUE\" such as \"< 500ms\", got " + value.describe()));
          continue;
        }
        Matcher m = ASSERTION.matcher(s.text());
        if (!m.matches()) {
          problems.add(Problem.at(s.location(), keyPath, "expected \"OP VALUE\" with OP one of "
              + String.join(" ", SloSpec.OPS) + ", e.g. \"" + example(key) + "\""));
          continue;
        }
        try {
          double threshold = threshold(key, m.group(2));
          if (kind != null) {
            slos.add(new SloSpec(kind, subject, key, m.group(1), threshold, key + " " + s.text().strip()));
          }
        } catch (IllegalArgumentException ex) {
          problems.add(Problem.at(s.location(), keyPath, ex.getMessage()));
        }
      }
      if (asserted == 0) {
        problems.add(Problem.at(map.location(), path, "an SLO needs at least one assertion; statistics: "
            + String.join(", ", SloSpec.STATS)));
      }
    }
    return slos;
  }

  private static double threshold(String stat, String text) {
    if (SloSpec.isDuration(stat)) {
      return Durations.parseNanos(text);
    }
    if (stat.equals("successRate")) {
      double v;
      try {
        v = text.endsWith("%") ? new java.math.BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2).doubleValue()
            : Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' is not a rate of success; write a percentage (99.9%) or a fraction (0.999)");
      }
      if (v < 0 || v > 1) {
        throw new IllegalArgumentException("a success rate lies between 0% and 100% (was " + text + ")");
      }
      return v;
    }
    if (stat.equals("goodput")) {
      return Rates.parsePerSecond(text);
    }
    try {
      long n = Long.parseLong(text);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a count; write a whole number >= 0");
    }
  }

  private static String example(String stat) {
    if (SloSpec.isDuration(stat)) {
      return "< 500ms";
    }
    return switch (stat) {
      case "successRate" -> ">= 99.9%";
      case "goodput" -> ">= 20/s";
      default -> "== 0";
    };
  }

  private static boolean endpointExists(ScenarioSpec base, String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      return false;
    }
    var service = base.services().get(text.substring(0, space));
    return service != null && service.endpoints().containsKey(text.substring(space + 1).strip());
  }

  /** Every endpoint of the scenario, quoted as an SLO names it, or {@code (none)}. */
  private static String endpoints(ScenarioSpec base) {
    List<String> all = new ArrayList<>();
    base.services().forEach((service, s) -> s.endpoints().keySet().forEach(path -> all.add("\"" + service + " " + path + "\"")));
    return all.isEmpty() ? "(none)" : String.join(", ", all);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
