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
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Turns YAML or JSON text into a located tree with Jackson's streaming parser, reporting
 * duplicate keys (at the second occurrence) and syntax errors with their line and column.
 */
public final class TreeParser {
  private final TokenStreamFactory yaml = new YAMLFactory();
  private final TokenStreamFactory json = new JsonFactory();

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

    Node value(String path) {
      Location at = location(source, parser.currentTokenLocation());
      JsonToken token = parser.currentToken();
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
