package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeParserTest {
  private final TreeParser parser = new TreeParser();

  @Test
  void keepsKeyOrderAndLocationsOfKeysAndValues() {
    Node root = parser.parse("s.yaml", "b: 1\na:\n  x: 250ms\n", TreeParser.Format.YAML);
    Node.MapNode map = (Node.MapNode) root;
    assertThat(map.entries().keySet()).containsExactly("b", "a");
    Node.Entry a = map.entries().get("a");
    assertThat(a.keyLocation()).isEqualTo(new Location("s.yaml", 2, 1));
    Node.Entry x = ((Node.MapNode) a.value()).entries().get("x");
    assertThat(x.keyLocation()).isEqualTo(new Location("s.yaml", 3, 3));
    assertThat(x.value()).isEqualTo(new Node.ScalarNode(new Location("s.yaml", 3, 6), Node.Kind.STRING, "250ms"));
  }

  @Test
  void keepsRawScalarTextAndKind() {
    Node.MapNode map = (Node.MapNode) parser.parse("s.yaml", "i: 8\nd: 0.10\nb: true\nn:\nq: \"8\"\n", TreeParser.Format.YAML);
    assertThat(((Node.ScalarNode) map.get("i")).kind()).isEqualTo(Node.Kind.INTEGER);
    assertThat(((Node.ScalarNode) map.get("d")).text()).isEqualTo("0.10");
    assertThat(((Node.ScalarNode) map.get("b")).kind()).isEqualTo(Node.Kind.BOOLEAN);
    assertThat(((Node.ScalarNode) map.get("n")).kind()).isEqualTo(Node.Kind.NULL);
    assertThat(((Node.ScalarNode) map.get("q")).kind()).isEqualTo(Node.Kind.STRING);
  }

  @Test
  void reportsDuplicateKeyAtTheSecondOccurrenceAndKeepsGoing() {
    List<Problem> problems = new ArrayList<>();
    parser.parse("s.yaml", "a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n", TreeParser.Format.YAML, problems);
    assertThat(problems).extracting(Problem::format).containsExactly(
        "s.yaml:3:3: a.x: duplicate key 'x' (first written at line 2); keep one",
        "s.yaml:5:1: b: duplicate key 'b' (first written at line 4); keep one");
  }

  @Test
  void reportsDuplicateKeysInJson() {
    assertThatThrownBy(() -> parser.parse("s.json", "{\"a\": 1,\n \"a\": 2}", TreeParser.Format.JSON))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
            .extracting(Problem::format)
            .containsExactly("s.json:2:2: a: duplicate key 'a' (first written at line 1); keep one"));
  }

  @Test
  void reportsTabIndentationWithItsLocation() {
    assertThatThrownBy(() -> parser.parse("s.yaml", "a: 1\n\tb: 2\n", TreeParser.Format.YAML))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          Problem p = e.problems().get(0);
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.col()).isEqualTo(1);
          assertThat(p.message()).startsWith("YAML syntax error").contains("TAB");
        });
  }

  @Test
  void explainsJsonTrailingComma() {
    assertThatThrownBy(() -> parser.parse("s.json", "{\"a\": [1, 2,]\n}", TreeParser.Format.JSON))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          Problem p = e.problems().get(0);
          assertThat(p.line()).isEqualTo(1);
          assertThat(p.message()).startsWith("JSON syntax error").contains("trailing comma");
        });
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThatThrownBy(() -> parser.parse("s.yaml", "# only a comment\n", TreeParser.Format.YAML))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0).format())
            .isEqualTo("s.yaml: the file is empty; a scenario needs at least name and duration"));
  }

  @Test
  void rejectsASecondDocument() {
    assertThatThrownBy(() -> parser.parse("s.yaml", "a: 1\n---\nb: 2\n", TreeParser.Format.YAML))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0).line()).isEqualTo(3));
  }

  @Test
  void picksTheFormatFromTheExtension() {
    assertThat(TreeParser.Format.ofFileName("a/b.YML")).isEqualTo(TreeParser.Format.YAML);
    assertThat(TreeParser.Format.ofFileName("b.yaml")).isEqualTo(TreeParser.Format.YAML);
    assertThat(TreeParser.Format.ofFileName("b.json")).isEqualTo(TreeParser.Format.JSON);
    assertThat(TreeParser.Format.ofFileName("b.toml")).isNull();
  }
}
