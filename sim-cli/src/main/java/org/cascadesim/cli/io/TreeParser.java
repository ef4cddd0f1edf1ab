package org.cascadesim.cli.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Turns YAML or JSON text into a located tree with Jackson's streaming parser, reporting
 * duplicate keys (at the second occurrence) and syntax errors with their line and column.
 */
public final class TreeParser {
  /** The largest scenario file read, in bytes. */
  public static final long MAX_FILE_BYTES = 1L << 20;

  /** The deepest nesting of maps and lists accepted. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** The longest text value accepted, in characters. */
  public static final int MAX_STRING_CHARS = 65_536;

  /** The most values a document may stand for once its YAML aliases are expanded. */
  public static final long MAX_EXPANDED_VALUES = 100_000;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_CHARS)
          .maxNameLength(1_000)
          .maxNumberLength(100)
          .maxDocumentLength(MAX_FILE_BYTES)
          .build();

  private final TokenStreamFactory yaml = YAMLFactory.builder().streamReadConstraints(LIMITS).build();
  private final TokenStreamFactory json = JsonFactory.builder().streamReadConstraints(LIMITS).build();

  /** The two accepted file formats. */
  public enum Format {
    /** YAML 1.2 ({@code .yaml}, {@code .yml}). */
    YAML,
    /** JSON ({@code .json}). */
    JSON;

    /** Picks the format from a file name's extension, or null when it is neither. */
    public static Format ofFileName(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        return YAML;
      }
      if (lower.endsWith(".json")) {
        return JSON;
      }
      return null;
    }
  }

  /** Creates a parser; it keeps no state between calls. */
  public TreeParser() {}

  /**
   * Parses one document.
   *
   * @param source the name used in locations (the file name as given)
   * @param text the document
   * @param format YAML or JSON
   * @return the root node
   * @throws ScenarioException for syntax errors, duplicate keys, an empty file or several
   *     documents
   */
  public Node parse(String source, String text, Format format) {
    List<Problem> problems = new ArrayList<>();
    Node root = parse(source, text, format, problems);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return root;
  }

  /**
   * Parses one document, adding recoverable problems (duplicate keys, a second document) to
   * {@code problems} and returning the tree, so later stages can report more problems.
   *
   * @throws ScenarioException for syntax errors and an empty file, with {@code problems} so far
   */
  public Node parse(String source, String text, Format format, List<Problem> problems) {
    TokenStreamFactory factory = format == Format.JSON ? json : yaml;
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(
            new Problem(source, 0, 0, "", "the file is empty; a scenario needs at least name and duration"));
        throw new ScenarioException(problems);
      }
      Node root = new Reader(source, parser, problems).value("");
      if (parser.nextToken() != null) {
        Location at = location(source, parser.currentTokenLocation());
        problems.add(
            Problem.at(at, "", "a scenario file holds one document; remove everything from here on"));
      }
      return root;
    } catch (JacksonException e) {
      problems.add(syntaxError(source, format, e));
      throw new ScenarioException(problems);
    }
  }

  private static Problem syntaxError(String source, Format format, JacksonException e) {
    if (e.getCause() instanceof MarkedYamlEngineException yamlError) {
      Mark mark = yamlError.getProblemMark().or(yamlError::getContextMark).orElse(null);
      String problem = yamlError.getProblem() == null ? "" : yamlError.getProblem();
      String context = yamlError.getContext() == null ? "" : yamlError.getContext() + ": ";
      String message = "YAML syntax error: " + context + problem.replace("\n", " ").strip();
      Mark start = yamlError.getContextMark().orElse(null);
      if (mark != null && start != null && start.getLine() != mark.getLine()) {
        message += " (the construct started at line " + (start.getLine() + 1) + ", column "
            + (start.getColumn() + 1) + ")";
      }
      if (mark != null) {
        return new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, "", message);
      }
      return new Problem(source, 0, 0, "", message);
    }
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    message = message.replace("\n", " ").strip();
    if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
      message = constraintMessage(message);
    }
    if (format == Format.JSON
        && (message.startsWith("Unexpected character (']'")
            || message.startsWith("Unexpected character ('}'"))) {
      message = "a trailing comma or a missing value before the closing bracket (JSON allows no trailing commas): " + message;
    }
    String prefix = format == Format.JSON ? "JSON syntax error: " : "YAML syntax error: ";
    TokenStreamLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      return new Problem(source, loc.getLineNr(), Math.max(loc.getColumnNr(), 1), "", prefix + message);
    }
    return new Problem(source, 0, 0, "", prefix + message);
  }

  /** Rewrites Jackson's limit messages in the scenario's terms. */
  private static String constraintMessage(String message) {
    if (message.contains("nesting depth")) {
      return "maps and lists nest deeper than " + MAX_NESTING_DEPTH + " levels; a scenario needs far fewer";
    }
    if (message.contains("String value length")) {
      return "a text value is longer than " + MAX_STRING_CHARS + " characters";
    }
    if (message.contains("Number value length")) {
      return "a number is written with more than 100 digits";
    }
    if (message.contains("Name length")) {
      return "a key is longer than 1000 characters";
    }
    if (message.contains("Document length")) {
      return "the document is longer than " + MAX_FILE_BYTES + " bytes";
    }
    return message;
  }

  private static Location location(String source, TokenStreamLocation loc) {
    return new Location(source, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
  }

  /** Reads one value (and its children) starting at the parser's current token. */
  private static final class Reader {
    private final String source;
    private final JsonParser parser;
    private final List<Problem> problems;

    Reader(String source, JsonParser parser, List<Problem> problems) {
      this.source = source;
      this.parser = parser;
      this.problems = problems;
    }

    /** A node that carries a YAML anchor, and how many values it stands for once expanded. */
    private record Anchored(Node node, long weight) {}

    private final Map<String, Anchored> anchors = new LinkedHashMap<>();
    private long lastWeight;
    private long expanded;

    Node value(String path) {
      Location at = location(source, parser.currentTokenLocation());
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        return alias(path, at, yaml.getString());
      }
      String anchor = parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
      long before = expanded;
      Node node = plainValue(path, at);
      lastWeight = expanded - before;
      if (anchor != null) {
        anchors.put(anchor, new Anchored(node, lastWeight));
      }
      return node;
    }

    /**
     * Resolves {@code *name} to the node its anchor marked (shared, not copied), counting the
     * values it stands for, so that an alias bomb (the "billion laughs") is refused once the
     * document would expand past {@link TreeParser#MAX_EXPANDED_VALUES} values.
     */
    private Node alias(String path, Location at, String name) {
      Anchored anchored = anchors.get(name);
      if (anchored == null) {
        problems.add(Problem.at(at, path, "the alias *" + name + " names no anchor (&" + name + ") written before it"));
        lastWeight = 1;
        count(at, path, 1);
        return new Node.ScalarNode(at, Node.Kind.NULL, "null");
      }
      lastWeight = anchored.weight();
      count(at, path, anchored.weight());
      return anchored.node();
    }

    private void count(Location at, String path, long values) {
      expanded += values;
      if (expanded > MAX_EXPANDED_VALUES) {
        problems.add(Problem.at(at, path, "the document expands to more than " + MAX_EXPANDED_VALUES
            + " values through YAML aliases (an alias bomb?); a scenario needs far fewer"));
        throw new ScenarioException(problems);
      }
    }

    private Node plainValue(String path, Location at) {
      JsonToken token = parser.currentToken();
      count(at, path, 1);
      switch (token) {
        case START_OBJECT:
          return map(path, at);
        case START_ARRAY:
          return list(path, at);
        case VALUE_STRING:
          return new Node.ScalarNode(at, Node.Kind.STRING, parser.getString());
        case VALUE_NUMBER_INT:
          return new Node.ScalarNode(at, Node.Kind.INTEGER, parser.getText());
        case VALUE_NUMBER_FLOAT:
          return new Node.ScalarNode(at, Node.Kind.DECIMAL, parser.getText());
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new Node.ScalarNode(at, Node.Kind.BOOLEAN, parser.getText());
        case VALUE_NULL:
          return new Node.ScalarNode(at, Node.Kind.NULL, "null");
        default:
          problems.add(Problem.at(at, path, "unsupported value (" + token + ")"));
          parser.skipChildren();
          return new Node.ScalarNode(at, Node.Kind.NULL, "null");
      }
    }

    private Node map(String path, Location at) {
      Map<String, Node.Entry> entries = new LinkedHashMap<>();
      JsonToken t;
      while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        Location keyAt = location(source, parser.currentTokenLocation());
        String keyPath = path.isEmpty() ? key : path + "." + key;
        parser.nextToken();
        Node value = value(keyPath);
        Node.Entry first = entries.get(key);
        if (first != null) {
          problems.add(
              Problem.at(
                  keyAt,
                  keyPath,
                  "duplicate key '"
                      + key
                      + "' (first written at line "
                      + first.keyLocation().line()
                      + "); keep one"));
        } else {
          entries.put(key, new Node.Entry(keyAt, value));
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IllegalStateException("unexpected token " + t + " in a map at " + at);
      }
      return new Node.MapNode(at, entries);
    }

    private Node list(String path, Location at) {
      List<Node> items = new ArrayList<>();
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new IllegalStateException("unexpected end of input in a list at " + at);
        }
        items.add(value(path + "[" + items.size() + "]"));
      }
      return new Node.ListNode(at, items);
    }
  }
}
