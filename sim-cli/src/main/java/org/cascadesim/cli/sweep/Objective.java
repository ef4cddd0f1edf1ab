package org.cascadesim.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --best} optimises: {@code minimize|maximize METRIC [subject to METRIC OP VALUE [and
 * ...]]}, where OP is one of {@code >= <= > <} and VALUE a number or a percentage ({@code 99.9%}
 * is 0.999). Example: {@code minimize endpoint.payments/charge.p99_ms subject to
 * client.shoppers.success_rate >= 99.9%}.
 */
public record Objective(boolean minimize, String metric, List<Constraint> constraints) {

  private static final Pattern GOAL = Pattern.compile("\\s*(minimi[sz]e|maximi[sz]e)\\s+(\\S+)\\s*(?:subject\\s+to\\s+(.+))?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CONSTRAINT = Pattern.compile("\\s*(\\S+)\\s*(>=|<=|>|<)\\s*([-+0-9.eE]+)(%?)\\s*");

  /** One constraint on a metric's mean. */
  public record Constraint(String metric, String op, double value) {
    /** Returns whether {@code x} satisfies the constraint. */
    public boolean holds(double x) {
      return switch (op) {
        case ">=" -> x >= value;
        case "<=" -> x <= value;
        case ">" -> x > value;
        default -> x < value;
      };
    }

    @Override
    public String toString() {
      return metric + " " + op + " " + String.format(Locale.ROOT, "%s", value);
    }
  }

  /** Parses the text of {@code --best}; throws IllegalArgumentException with the expected syntax. */
  public static Objective parse(String text) {
    Matcher m = GOAL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("--best expects 'minimize|maximize METRIC [subject to METRIC OP VALUE"
          + " [and ...]]', e.g. 'minimize client.shoppers.p99_ms subject to client.shoppers.success_rate >= 99.9%'"
          + " (was '" + text + "')");
    }
    boolean minimize = m.group(1).toLowerCase(Locale.ROOT).startsWith("min");
    List<Constraint> constraints = new ArrayList<>();
    if (m.group(3) != null) {
      for (String part : m.group(3).split("(?i)\\s+and\\s+")) {
        Matcher c = CONSTRAINT.matcher(part);
        if (!c.matches()) {
          throw new IllegalArgumentException("--best: cannot read the constraint '" + part.strip()
              + "'; write METRIC OP VALUE with OP one of >= <= > <, e.g. client.api.success_rate >= 99%");
        }
        java.math.BigDecimal value;
        try {
          value = new java.math.BigDecimal(c.group(3));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--best: '" + c.group(3) + "' is not a number");
        }
        if (!c.group(4).isEmpty()) {
          value = value.movePointLeft(2);
        }
        constraints.add(new Constraint(c.group(1), c.group(2), value.doubleValue()));
      }
    }
    return new Objective(minimize, m.group(2), List.copyOf(constraints));
  }

  /** Returns the metrics it names: its own, then those of its constraints, each once. */
  public List<String> metrics() {
    List<String> names = new ArrayList<>();
    names.add(metric);
    for (Constraint c : constraints) {
      if (!names.contains(c.metric())) {
        names.add(c.metric());
      }
    }
    return names;
  }

  /** Returns whether {@code a} is better than {@code b} for this objective. */
  public boolean better(double a, double b) {
    return minimize ? a < b : a > b;
  }
}
