package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
  private static final String VALID = "src/test/resources/scenarios/valid/";
  private static final String INVALID = "src/test/resources/scenarios/invalid/";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void printsOkWithTheVariantCountForValidFiles() {
    int code = run("validate", VALID + "all-kinds.yaml", VALID + "minimal.yaml");
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(
        VALID + "all-kinds.yaml: ok (4 variants)" + System.lineSeparator()
            + VALID + "minimal.yaml: ok (0 variants)" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsEveryProblemOfEveryFileAndExits65() {
    int code = run("validate", INVALID + "zero-threads.yaml", VALID + "checkout.json", INVALID + "unknown-key.yaml");
    assertThat(code).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(out.toString()).contains("checkout.json: ok (1 variant)");
    assertThat(err.toString())
        .contains(INVALID + "zero-threads.yaml:10:44: services.checkout.runtime.threads: must be at least 1 (was 0)")
        .contains(INVALID + "unknown-key.yaml:7:5: clients.shoppers.tmeout: unknown key 'tmeout'")
        .contains("2 problems in 2 of 3 files")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void missingFileIsAnInvalidScenario() {
    assertThat(run("validate", "no/such/file.yaml")).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).startsWith("no/such/file.yaml: no such file");
  }

  @Test
  void unknownFileTypeIsAnInvalidScenario() {
    assertThat(run("validate", "pom.xml")).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains("pom.xml: unknown file type; scenario files end in .yaml, .yml or .json");
  }

  @Test
  void malformedYamlIsReportedWithoutAStackTrace() {
    assertThat(run("validate", INVALID + "malformed-yaml.yaml")).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).startsWith(INVALID + "malformed-yaml.yaml:7:12: YAML syntax error")
        .doesNotContain("Exception");
  }

  @Test
  void appliesSetOverridesBeforeChecking() {
    assertThat(run("validate", "--set", "services.checkout.runtime.threads=0", VALID + "checkout.json"))
        .isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains(
        "--set services.checkout.runtime.threads=0: services.checkout.runtime.threads: must be at least 1");
  }

  @Test
  void requiresAtLeastOneFile() {
    assertThat(run("validate")).isEqualTo(ExitCodes.USAGE);
  }
}
