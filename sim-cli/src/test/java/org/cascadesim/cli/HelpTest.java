package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sim --help} lists every command with a whole sentence that fits the 80-column help. */
class HelpTest {

  private static String help(String... args) {
    StringWriter text = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(text, true));
    assertThat(cli.execute(args)).isZero();
    return text.toString();
  }

  @Test
  void everyCommandIsListedWithItsWholeSummarySentenceOnOneLine() {
    String help = help("--help");
    for (Map.Entry<String, CommandLine> sub : Main.commandLine().getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      String[] description = sub.getValue().getCommandSpec().usageMessage().description();
      String summary = String.format(description[0]);
      assertThat(summary).as(sub.getKey()).endsWith(".");
      assertThat(help).as(sub.getKey()).containsPattern("(?m)^  " + sub.getKey() + " +\\Q" + summary + "\\E$");
    }
  }

  @Test
  void noHelpLineIsWiderThan80Columns() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      for (String line : help(command, "--help").split("\\R")) {
        assertThat(line.length()).as("sim %s --help: %s", command, line).isLessThanOrEqualTo(80);
      }
    }
    for (String line : help("--help").split("\\R")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void everyCommandWithExitCodesListsTheUsageErrorCode() {
    for (Map.Entry<String, CommandLine> sub : Main.commandLine().getSubcommands().entrySet()) {
      Map<String, String> codes = sub.getValue().getCommandSpec().usageMessage().exitCodeList();
      if (!codes.isEmpty()) {
        assertThat(codes).as(sub.getKey()).containsKey(" 2");
      }
    }
  }

  @Test
  void benchWorkloadOptionNamesEveryWorkload() {
    String option = String.join(" ", Main.commandLine().getSubcommands().get("bench").getCommandSpec()
        .findOption("--workload").description());
    for (String workload : new String[] {"mm1", "hold-1k", "hold-1m", "timeouts", "e2e", "e2e-timeouts", "sweep",
        "ref-mm1", "ref-hold-1k", "ref-hold-1m", "timeouts-nocancel"}) {
      assertThat(option).containsPattern("[ (,]\\Q" + workload + "\\E[,). ]");
    }
  }
}
