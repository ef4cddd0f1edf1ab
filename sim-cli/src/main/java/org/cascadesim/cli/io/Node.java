package org.cascadesim.cli.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of the located tree: a map, a list or a scalar, each remembering where it was written,
 * so that every later error can point at the file.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {
  /** Where the node starts. */
  Location location();

  /** Describes the node's type for error messages: "a map", "the string 'abc'". */
  String describe();

  /**
   * A map in file order; each entry keeps the location of its key.
   *
   * @param location where the map starts
   * @param entries the entries in file order
   */
  record MapNode(Location location, Map<String, Entry> entries) implements Node {
    /** Copies the entries so the node is immutable. */
    public MapNode {
      Objects.requireNonNull(location, "location");
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Returns the value under {@code key}, or null. */
    public Node get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /**
   * One map entry: the key's location and the value.
   *
   * @param keyLocation where the key was written
   * @param value the value
   */
  record Entry(Location keyLocation, Node value) {}

  /**
   * A list in file order.
   *
   * @param location where the list starts
   * @param items the items
   */
  record ListNode(Location location, List<Node> items) implements Node {
    /** Copies the items so the node is immutable. */
    public ListNode {
      Objects.requireNonNull(location, "location");
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar with its raw text, so numbers and durations are converted exactly later.
   *
   * @param location where the scalar was written
   * @param kind the scalar's type as the parser saw it
   * @param text the raw text
   */
  record ScalarNode(Location location, Kind kind, String text) implements Node {
    /** Checks the fields are present. */
    public ScalarNode {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String describe() {
      switch (kind) {
        case STRING:
          return "the string '" + text + "'";
        case INTEGER:
        case DECIMAL:
          return "the number " + text;
        case BOOLEAN:
          return text;
        case NULL:
          return "no value";
        default:
          throw new AssertionError(kind);
      }
    }
  }

  /** The type of a scalar as the parser saw it. */
  enum Kind {
    /** Text, quoted or not ({@code 250ms}, {@code payments /charge}). */
    STRING,
    /** A whole number ({@code 8}). */
    INTEGER,
    /** A number with a fraction or exponent ({@code 0.5}). */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An empty value or {@code null}. */
    NULL
  }
}
