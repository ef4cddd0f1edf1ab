package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broken, huge or hostile files get one clear problem each, quickly, never a crash or a hang. */
class ParserLimitsTest {

  private static final String VALID = """
      name: ok
      duration: 10s
      clients:
        c: {target: api /x, arrivals: {process: poisson, rate: 5/s}}
      services:
        api:
          endpoints:
            /x: [{cpu: 1ms}]
      """;

  @TempDir Path tmp;

  private List<Problem> problems(String name, byte[] content) throws Exception {
    Path file = tmp.resolve(name);
    Files.write(file, content);
    try {
      new ScenarioReader().read(file);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems();
    }
  }

  private List<Problem> problems(String name, String content) throws Exception {
    return problems(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  // A guard, not a measurement: expanded, the bomb has 9^9 steps; SEPARATE_THREAD makes a hang or
  // a runaway expansion fail instead of blocking the build.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void refusesAYamlAliasBombWithItsLocation() throws Exception {
    StringBuilder yaml = new StringBuilder(VALID).append("      /a: &a [{cpu: 1ms},{cpu: 1ms},{cpu: 1ms},{cpu: 1ms},{cpu: 1ms},{cpu: 1ms},{cpu: 1ms},{cpu: 1ms},{cpu: 1ms}]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      yaml.append("      /").append(c).append(": &").append(c).append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    List<Problem> problems = problems("bomb.yaml", yaml.toString());

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).contains("alias bomb");
    assertThat(problems.get(0).line()).isPositive();
  }

  @Test
  void expandsOrdinaryAnchorsAndAliases() throws Exception {
    Path file = tmp.resolve("alias.yaml");
    Files.writeString(file, VALID.replace("/x: [{cpu: 1ms}]", "/x: &steps [{cpu: 1ms}]\n      /y: *steps"));

    ResolvedScenario s = new ScenarioReader().read(file);

    assertThat(s.base().services().get("api").endpoints().get("/y"))
        .isEqualTo(s.base().services().get("api").endpoints().get("/x"));
  }

  @Test
  void reportsAnAliasWithoutAnAnchor() throws Exception {
    List<Problem> problems = problems("noanchor.yaml", VALID + "      /y: *nothing\n");

    assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("*nothing names no anchor"));
  }

  @Test
  void refusesDeepNesting() throws Exception {
    List<Problem> problems = problems("deep.yaml", "name: deep\nduration: 1s\nx: " + "[".repeat(200) + "]".repeat(200) + "\n");

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("nest deeper than 64 levels"));
  }

  @Test
  void refusesVeryLongText() throws Exception {
    List<Problem> problems = problems("long.yaml", VALID + "description: " + "a".repeat(100_000) + "\n");

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("longer than 65536 characters"));
  }

  @Test
  void refusesFilesOverTheSizeLimitWithoutReadingThem() throws Exception {
    List<Problem> problems = problems("big.yaml", VALID + "#" + "x".repeat(1_100_000) + "\n");

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("limited to 1048576 bytes"));
  }

  @Test
  void refusesBinaryAndNonUtf8Files() throws Exception {
    assertThat(problems("bin.yaml", new byte[] {'n', 'a', 0, 1, 2})).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("binary file"));
    assertThat(problems("latin1.yaml", "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    assertThat(problems("empty.yaml", "")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
  }

  @Test
  void refusesADirectoryAndAMissingFile() {
    assertThatThrownBy(() -> new ScenarioReader().read(tmp)).isInstanceOf(ScenarioException.class);
    assertThatThrownBy(() -> new ScenarioReader().read(tmp.resolve("missing.yaml")))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0).message()).contains("no such file"));
  }
}
