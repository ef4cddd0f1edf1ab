package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cascadesim.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report folder is replaced all or nothing, and never over something that is not a report. */
class AtomicFolderTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void writesANewFolderAndLeavesNoTemporarySibling() throws IOException {
    Path target = tmp.resolve("report");
    AtomicFolder.write(target, null, dir -> Files.writeString(dir.resolve("summary.json"), "{}"));
    assertThat(names(tmp)).containsExactly("report");
    assertThat(target.resolve("summary.json")).hasContent("{}");
  }

  @Test
  void replacesAnOldReportAsAWhole() throws IOException {
    Path target = tmp.resolve("report");
    AtomicFolder.write(target, null, dir -> {
      Files.writeString(dir.resolve("summary.json"), "old");
      Files.writeString(dir.resolve("stale.csv"), "old");
    });
    AtomicFolder.write(target, null, dir -> Files.writeString(dir.resolve("summary.json"), "new"));
    assertThat(names(target)).containsExactly("summary.json");
    assertThat(target.resolve("summary.json")).hasContent("new");
    assertThat(names(tmp)).containsExactly("report");
  }

  @Test
  void aFailureWhileWritingLeavesTheOldFolderIntactAndNoTemporaryFolder() throws IOException {
    Path target = tmp.resolve("report");
    AtomicFolder.write(target, null, dir -> Files.writeString(dir.resolve("summary.json"), "old"));
    assertThatThrownBy(() -> AtomicFolder.write(target, null, dir -> {
      Files.writeString(dir.resolve("summary.json"), "half");
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(target.resolve("summary.json")).hasContent("old");
    assertThat(names(tmp)).containsExactly("report");
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAReport() throws IOException {
    Path target = tmp.resolve("home");
    Files.createDirectories(target);
    Files.writeString(target.resolve("notes.txt"), "precious");
    assertThatThrownBy(() -> AtomicFolder.write(target, null, dir -> { }))
        .isInstanceOf(AtomicFolder.RefusedException.class)
        .hasMessageContaining("not a sim report folder");
    assertThat(target.resolve("notes.txt")).hasContent("precious");
    assertThat(names(tmp)).containsExactly("home");
  }

  @Test
  void refusesAnOutputFolderThatContainsTheScenarioFile() throws IOException {
    Path input = tmp.resolve("scenario.yaml");
    Files.writeString(input, "name: x");
    assertThatThrownBy(() -> AtomicFolder.write(tmp, input, dir -> { }))
        .isInstanceOf(AtomicFolder.RefusedException.class)
        .hasMessageContaining("would contain the scenario file");
    assertThat(input).hasContent("name: x");
  }

  @Test
  void anInvalidSetAfterASuccessfulRunLeavesThePreviousReportAndTheInputUntouched() throws Exception {
    Path input = tmp.resolve("small.yaml");
    Files.copy(Path.of(Cli.SMALL), input);
    String inputHash = sha256(input);
    Path out = tmp.resolve("out");
    assertThat(Cli.run("compare", input.toString(), "--out", out.toString(), "-q").code).isEqualTo(ExitCodes.OK);
    List<String> before = names(out);
    String summaryHash = sha256(out.resolve("summary.json"));

    Cli failed = Cli.run("compare", input.toString(), "--out", out.toString(), "--set", "services.api.runtime.threads=0");

    assertThat(failed.code).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(failed.err()).contains("services.api.runtime.threads: must be at least 1 (was 0)");
    assertThat(names(out)).isEqualTo(before);
    assertThat(sha256(out.resolve("summary.json"))).isEqualTo(summaryHash);
    assertThat(names(tmp)).containsExactly("out", "small.yaml");
    assertThat(sha256(input)).isEqualTo(inputHash);
  }

  @Test
  void aRefusedOutputFolderIsExitCode73BeforeAnythingRuns() throws IOException {
    Path target = tmp.resolve("docs");
    Files.createDirectories(target);
    Files.writeString(target.resolve("readme.md"), "keep me");
    Cli cli = Cli.run("run", Cli.SMALL, "--out", target.toString());
    assertThat(cli.code).isEqualTo(ExitCodes.CANNOT_WRITE);
    assertThat(cli.err()).contains("cannot write the report to").contains("not a sim report folder");
    assertThat(cli.out()).as("no run started, so no summary").isEmpty();
    assertThat(names(target)).containsExactly("readme.md");
  }

  @Test
  void anOutputFolderUnderAFileIsRefusedBeforeAnythingRunsAndSaysWhichFile() throws IOException {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "keep me");
    Cli cli = Cli.run("compare", Cli.SMALL, "--out", file.resolve("report").toString());
    assertThat(cli.code).isEqualTo(ExitCodes.CANNOT_WRITE);
    assertThat(cli.err()).contains(file + ": exists and is not a folder");
    assertThat(cli.out()).isEmpty();
    assertThat(file).hasContent("keep me");
    assertThat(names(tmp)).containsExactly("notes.txt");
  }

  @Test
  void ioFailuresAreDescribedWithTheirPathAndReasonInWords() {
    assertThat(AtomicFolder.describe(new java.nio.file.AccessDeniedException("/srv/out")))
        .isEqualTo("/srv/out: permission denied");
    assertThat(AtomicFolder.describe(new java.nio.file.NoSuchFileException("/srv/out")))
        .isEqualTo("/srv/out: no such file or folder");
    assertThat(AtomicFolder.describe(new java.nio.file.FileSystemException("/a", "/b", "Directory not empty")))
        .isEqualTo("/a -> /b: Directory not empty");
    assertThat(AtomicFolder.describe(new IOException("No space left on device")))
        .isEqualTo("No space left on device");
  }
}
