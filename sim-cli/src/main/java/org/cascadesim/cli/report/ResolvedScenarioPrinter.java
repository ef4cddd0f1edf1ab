package org.cascadesim.cli.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cascadesim.models.scenario.ArrivalSpec;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.CallTarget;
import org.cascadesim.models.scenario.CapacitySpec;
import org.cascadesim.models.scenario.ClosedLoopLoad;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.DistributionSpec;
import org.cascadesim.models.scenario.Durations;
import org.cascadesim.models.scenario.EmpiricalDist;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.LoadPhase;
import org.cascadesim.models.scenario.LoadSpec;
import org.cascadesim.models.scenario.Rates;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.RuntimeSpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.StepSpec;
import org.cascadesim.models.scenario.VariantSpec;

/**
 * Prints a resolved {@link ScenarioSpec} as YAML-like text with every key, default included, in
 * the vocabulary of docs/scenario-reference.md (durations as {@code 250ms}, rates as {@code 20/s},
 * {@code none} and {@code unbounded}), so a report shows exactly what ran. Variants are printed
 * as the list of keys they change ({@code path: base -> variant}, paths as {@code --set} writes
 * them). The walk is over record components, so a key added to a spec later is printed too (with
 * its component name) instead of silently missing.
 */
public final class ResolvedScenarioPrinter {
  private static final int FLOW_WIDTH = 96;

  private ResolvedScenarioPrinter() {}

  /** Prints the base of {@code scenario} in full and, for each named variant, what it changes. */
  public static String print(ResolvedScenario scenario, List<String> variants) {
    StringBuilder out = new StringBuilder(print(scenario.base()));
    List<String> shown = new ArrayList<>();
    for (String name : variants) {
      if (!name.equals("base") && scenario.variants().containsKey(name) && !shown.contains(name)) {
        shown.add(name);
      }
    }
    if (shown.isEmpty()) {
      return out.toString();
    }
    out.append("variants:\n");
    Map<String, String> base = flatten(scenario.base());
    for (String name : shown) {
      VariantSpec variant = scenario.variants().get(name);
      out.append("  ").append(name).append(":\n");
      if (!variant.description().isEmpty()) {
        out.append("    description: ").append(scalar(variant.description())).append('\n');
      }
      Map<String, String> changed = flatten(variant.spec());
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, String> e : changed.entrySet()) {
        String before = base.get(e.getKey());
        if (before == null) {
          lines.add(e.getKey() + ": (absent) -> " + e.getValue());
        } else if (!before.equals(e.getValue())) {
          lines.add(e.getKey() + ": " + before + " -> " + e.getValue());
        }
      }
      for (Map.Entry<String, String> e : base.entrySet()) {
        if (!changed.containsKey(e.getKey())) {
          lines.add(e.getKey() + ": " + e.getValue() + " -> (absent)");
        }
      }
      if (lines.isEmpty()) {
        out.append("    changes: none\n");
      } else {
        out.append("    changes:\n");
        for (String line : lines) {
          out.append("      ").append(line).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Prints one resolved spec, every key included; lines end in {@code \n}. */
  public static String print(ScenarioSpec spec) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> e : tree(spec).entrySet()) {
      entry(out, 0, e.getKey(), e.getValue());
    }
    return out.toString();
  }

  /**
   * Returns every leaf of a spec by its {@code --set} path
   * ({@code services.api.endpoints./x[1].call.timeout}) and printed value, in print order.
   */
  public static Map<String, String> flatten(ScenarioSpec spec) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten("", tree(spec), leaves);
    return leaves;
  }

  // ---- the tree: ordered maps, lists and scalar strings ----

  private static Map<String, Object> tree(ScenarioSpec spec) {
    return fields(spec);
  }

  private static Object node(Object value, String component) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Integer || value instanceof Long) {
      return integer(((Number) value).longValue(), component);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return component.endsWith("PerSecond") ? Rates.format(d) : decimal(d);
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (value instanceof CallTarget) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), node(v, "")));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(node(item, ""));
      }
      return out;
    }
    if (value instanceof DistributionSpec dist) {
      return distribution(dist);
    }
    if (value instanceof EndpointSpec endpoint) {
      return node(endpoint.steps(), "steps");
    }
    if (value instanceof StepSpec || value instanceof LoadPhase) {
      // One key naming the kind, e.g. {cpu: 2ms}, {call: {to: provider, ...}}, {step: {...}}.
      String suffix = value instanceof StepSpec ? "Step" : "Phase";
      Map<String, Object> fields = fields((Record) value);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(kind(value, suffix), fields.size() == 1 ? fields.values().iterator().next() : fields);
      return out;
    }
    if (value instanceof RuntimeSpec) {
      return tagged("model", kind(value, "Runtime"), fields((Record) value));
    }
    if (value instanceof ArrivalSpec) {
      return tagged("process", kind(value, "Arrivals"), fields((Record) value));
    }
    if (value instanceof FaultSpec) {
      Map<String, Object> fields = fields((Record) value);
      if (fields.size() == 2) {
        fields.put("mode", kind(value, "Fault"));
      }
      return fields;
    }
    if (value instanceof Record r) {
      return fields(r);
    }
    return value.toString();
  }

  private static Object distribution(DistributionSpec dist) {
    if (dist instanceof ConstantDist c) {
      return Durations.format(c.valueNanos());
    }
    if (dist instanceof EmpiricalDist e) {
      Map<String, Object> points = new LinkedHashMap<>();
      for (EmpiricalDist.Point p : e.points()) {
        points.put("p" + decimal(p.percentile()), Durations.format(p.valueNanos()));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("dist", "empirical");
      out.put("percentiles", points);
      return out;
    }
    String kind = kind(dist, "Dist").replace("-params", "").replace("log-normal", "lognormal");
    return tagged("dist", kind, fields((Record) dist));
  }

  private static Map<String, Object> tagged(String key, String kind, Map<String, Object> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key, kind);
    out.putAll(fields);
    return out;
  }

  /** The fields of a record under their file keys; a client's load and a dependency's capacity are inlined. */
  private static Map<String, Object> fields(Record record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
      }
      String name = c.getName();
      if (value instanceof LoadSpec load) {
        if (load instanceof ClosedLoopLoad closed) {
          Map<String, Object> users = new LinkedHashMap<>();
          users.put("count", Integer.toString(closed.users()));
          users.put("thinkTime", distribution(closed.thinkTime()));
          out.put("users", users);
        } else {
          out.putAll(fields((Record) load));
        }
      } else if (value instanceof CapacitySpec capacity) {
        out.putAll(fields((Record) capacity));
      } else {
        out.put(key(record, name), node(value, name));
      }
    }
    return out;
  }

  private static String key(Record owner, String component) {
    if (owner instanceof BoundedCapacity && component.equals("discipline")) {
      return "queue";
    }
    if (owner instanceof RuntimeSpec && component.equals("queueLimit")) {
      return "queue";
    }
    if (owner instanceof LoadPhase && component.equals("durationNanos")) {
      return "for";
    }
    return strip(component);
  }

  private static String strip(String component) {
    for (String suffix : new String[] {"Nanos", "PerSecond"}) {
      if (component.endsWith(suffix) && component.length() > suffix.length()) {
        return component.substring(0, component.length() - suffix.length());
      }
    }
    return component;
  }

  private static String integer(long value, String component) {
    String lower = component.toLowerCase(Locale.ROOT);
    if (component.endsWith("Nanos")) {
      if (value == ScenarioDefaults.NO_TIMEOUT && lower.contains("timeout")) {
        return "none";
      }
      return Durations.format(value);
    }
    if (value == ScenarioDefaults.UNBOUNDED && (lower.contains("queue") || lower.contains("limit"))) {
      return "unbounded";
    }
    return Long.toString(value);
  }

  private static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The kebab-case kind of a spec from its class name: ThreadPoolRuntime -> thread-pool. */
  private static String kind(Object value, String suffix) {
    String name = value.getClass().getSimpleName();
    if (name.endsWith(suffix) && name.length() > suffix.length()) {
      name = name.substring(0, name.length() - suffix.length());
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) {
        out.append('-');
      }
      out.append(Character.toLowerCase(ch));
    }
    return out.toString();
  }

  // ---- rendering ----

  private static void entry(StringBuilder out, int indent, String key, Object value) {
    String pad = "  ".repeat(indent);
    if (value instanceof String s) {
      out.append(pad).append(key(key)).append(": ").append(scalar(s)).append('\n');
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append(pad).append(key(key)).append(": {}\n");
        return;
      }
      String flow = flow(value);
      if (flow != null && pad.length() + key.length() + 2 + flow.length() <= FLOW_WIDTH) {
        out.append(pad).append(key(key)).append(": ").append(flow).append('\n');
        return;
      }
      out.append(pad).append(key(key)).append(":\n");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entry(out, indent + 1, (String) e.getKey(), e.getValue());
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(pad).append(key(key)).append(": []\n");
        return;
      }
      out.append(pad).append(key(key)).append(":\n");
      for (Object item : list) {
        listItem(out, indent + 1, item);
      }
    }
  }

  private static void listItem(StringBuilder out, int indent, Object item) {
    String pad = "  ".repeat(indent);
    String flow = flow(item);
    if (item instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> only = map.entrySet().iterator().next();
      String inner = flow(only.getValue());
      if (inner != null) {
        out.append(pad).append("- ").append(key((String) only.getKey())).append(": ").append(inner).append('\n');
        return;
      }
    }
    if (flow != null && pad.length() + 2 + flow.length() <= FLOW_WIDTH) {
      out.append(pad).append("- ").append(flow).append('\n');
      return;
    }
    // A block map as a list item: the first key after the dash, the others aligned under it.
    StringBuilder block = new StringBuilder();
    Map<?, ?> map = (Map<?, ?>) item;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      entry(block, indent + 1, (String) e.getKey(), e.getValue());
    }
    String text = block.toString();
    out.append(pad).append("- ").append(text.substring(pad.length() + 2));
  }

  /** Returns the one-line form of a scalar or of a map of scalars ({@code {a: 1, b: 2}}), else null. */
  private static String flow(Object value) {
    if (value instanceof String s) {
      return scalar(s);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String inner = e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty() ? null : flow(e.getValue());
        if (inner == null) {
          return null;
        }
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(key((String) e.getKey())).append(": ").append(inner);
      }
      return out.append('}').toString();
    }
    return null;
  }

  private static String key(String key) {
    return needsQuotes(key) ? quote(key) : key;
  }

  private static String scalar(String s) {
    return needsQuotes(s) ? quote(s) : s;
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || !s.equals(s.strip())) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < ' ' || ":#{}[],&*?|<>=!%@`\"'".indexOf(ch) >= 0 && !(ch == ':' && i + 1 < s.length() && s.charAt(i + 1) != ' ')) {
        return true;
      }
    }
    return s.startsWith("-") && s.length() > 1 && s.charAt(1) == ' ';
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (ch < ' ') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void flatten(String path, Object node, Map<String, String> leaves) {
    if (node instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        leaves.put(path, "{}");
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(path.isEmpty() ? (String) e.getKey() : path + "." + e.getKey(), e.getValue(), leaves);
      }
    } else if (node instanceof List<?> list) {
      if (list.isEmpty()) {
        leaves.put(path, "[]");
      }
      for (int i = 0; i < list.size(); i++) {
        flatten(path + "[" + i + "]", list.get(i), leaves);
      }
    } else {
      leaves.put(path, scalar((String) node));
    }
  }
}
