package org.cascadesim.cli.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set path=value} overrides to a tree before binding, so a command line change
 * is checked exactly like the file; the value is parsed as YAML ({@code 16}, {@code 50/s},
 * {@code {dist: constant, value: 4s}}), and problems are reported against the argument.
 */
public final class Overrides {
  private final TreeParser parser = new TreeParser();

  /** Creates an applier; it keeps no state between calls. */
  public Overrides() {}

  /** Ends the option label of {@link #labelled}; no command-line argument can contain it. */
  private static final char LABEL_END = '\0';

  /**
   * Returns {@code arg} ({@code path=value}) marked as given by {@code option} (e.g. {@code
   * --vary}) instead of {@code --set}, so its problems name the option the user typed.
   */
  public static String labelled(String option, String arg) {
    return option + LABEL_END + arg;
  }

  /**
   * Applies every override in order.
   *
   * @param root the tree to change
   * @param overrides arguments of the form {@code services.payments.runtime.threads=16}
   * @param problems where problems are added, with the argument as the source
   * @return the changed tree
   */
  public Node.MapNode apply(Node.MapNode root, List<String> overrides, List<Problem> problems) {
    Node.MapNode result = root;
    for (String labelledArg : overrides) {
      // An argument of another option than --set (a sweep's --vary) carries its option before a NUL.
      int nul = labelledArg.indexOf(LABEL_END);
      String option = nul < 0 ? "--set" : labelledArg.substring(0, nul);
      String arg = labelledArg.substring(nul + 1);
      Location source = Location.of(option + " " + arg);
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        problems.add(
            Problem.at(source, "", "expected path=value, e.g. services.payments.runtime.threads=16"));
        continue;
      }
      String path = arg.substring(0, eq).strip();
      String text = arg.substring(eq + 1);
      List<Object> segments = segments(path);
      if (segments == null) {
        problems.add(
            Problem.at(source, path, "is not a key path; write keys separated by dots and list"
                + " indexes in brackets, e.g. services.api.endpoints./charge[0].cpu"));
        continue;
      }
      if (segments.get(0).equals("variants")) {
        problems.add(
            Problem.at(source, path, option + " changes the resolved scenario (base or variant);"
                + " it cannot change variants themselves"));
        continue;
      }
      if (text.isBlank()) {
        problems.add(Problem.at(source, path, "has no value after '='"));
        continue;
      }
      Node value;
      try {
        value = relocate(parser.parse(source.source(), text, TreeParser.Format.YAML), source);
      } catch (ScenarioException e) {
        problems.add(
            Problem.at(source, path, "the value is not valid YAML: " + e.problems().get(0).message()));
        continue;
      }
      Node changed = set(result, segments, 0, value, source, path, problems);
      if (changed instanceof Node.MapNode m) {
        result = m;
      }
    }
    return result;
  }

  /** Splits {@code a.b[0].c} into {@code ["a", "b", 0, "c"]}; null when malformed. */
  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      if (key.isEmpty()) {
        return null;
      }
      out.add(key);
      String rest = bracket < 0 ? "" : part.substring(bracket);
      while (!rest.isEmpty()) {
        int close = rest.indexOf(']');
        if (!rest.startsWith("[") || close < 2) {
          return null;
        }
        try {
          out.add(Integer.parseInt(rest.substring(1, close)));
        } catch (NumberFormatException e) {
          return null;
        }
        rest = rest.substring(close + 1);
      }
    }
    return out;
  }

  private static Node set(
      Node node, List<Object> segments, int i, Node value, Location source, String path,
      List<Problem> problems) {
    Object segment = segments.get(i);
    boolean last = i == segments.size() - 1;
    if (segment instanceof String key) {
      if (!(node instanceof Node.MapNode map)) {
        problems.add(Problem.at(source, path, "cannot set '" + key + "' inside " + node.describe()));
        return null;
      }
      Node.Entry entry = map.entries().get(key);
      Node child;
      if (last) {
        child = value;
      } else {
        Node current = entry == null ? new Node.MapNode(source, Map.of()) : entry.value();
        child = set(current, segments, i + 1, value, source, path, problems);
        if (child == null) {
          return null;
        }
      }
      Map<String, Node.Entry> entries = new LinkedHashMap<>(map.entries());
      entries.put(key, new Node.Entry(entry == null || last ? source : entry.keyLocation(), child));
      return new Node.MapNode(map.location(), entries);
    }
    int index = (Integer) segment;
    if (!(node instanceof Node.ListNode list)) {
      problems.add(Problem.at(source, path, "cannot index [" + index + "] into " + node.describe()));
      return null;
    }
    if (index < 0 || index >= list.items().size()) {
      problems.add(
          Problem.at(
              source, path,
              "index [" + index + "] is out of range; the list has " + list.items().size() + " items"));
      return null;
    }
    Node child = last ? value : set(list.items().get(index), segments, i + 1, value, source, path, problems);
    if (child == null) {
      return null;
    }
    List<Node> items = new ArrayList<>(list.items());
    items.set(index, child);
    return new Node.ListNode(list.location(), items);
  }

  private static Node relocate(Node node, Location at) {
    if (node instanceof Node.MapNode m) {
      Map<String, Node.Entry> entries = new LinkedHashMap<>();
      m.entries().forEach((k, e) -> entries.put(k, new Node.Entry(at, relocate(e.value(), at))));
      return new Node.MapNode(at, entries);
    }
    if (node instanceof Node.ListNode l) {
      List<Node> items = new ArrayList<>();
      l.items().forEach(item -> items.add(relocate(item, at)));
      return new Node.ListNode(at, items);
    }
    Node.ScalarNode s = (Node.ScalarNode) node;
    return new Node.ScalarNode(at, s.kind(), s.text());
  }
}
