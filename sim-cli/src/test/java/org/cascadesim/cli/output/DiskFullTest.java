package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Running out of disk while a report folder is written (a size-capped in-memory file system that
 * fails writes with a real "out of disk space" IOException through java.nio) leaves the previous
 * report byte for byte, no temporary folder, and a one-line error with exit code 73. The whole
 * command line runs on that file system: picocli converts every path argument with it.
 */
class DiskFullTest {
  private static final int BLOCK_BYTES = 8192;
  private static final long DISK_BYTES = 64L * 1024 * 1024;

  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
      .setBlockSize(BLOCK_BYTES).setMaxSize(DISK_BYTES).setMaxCacheSize(0).build());
  private final Path home = fs.getPath("/work");
  private final Path scenario = home.resolve("scenario.yaml");
  private final Path out = home.resolve("out");
  private final Path filler = home.resolve("filler.bin");

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  /** Runs {@code sim} with every path argument on the in-memory file system. */
  private int sim(String... args) {
    stdout.getBuffer().setLength(0);
    stderr.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.registerConverter(Path.class, fs::getPath);
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    return cli.execute(args);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every file of a folder (relative name) with the SHA-256 of its bytes. */
  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        result.put(dir.relativize(f).toString(), sha256(Files.readAllBytes(f)));
      }
    }
    return result;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private long freeBytes() throws IOException {
    return Files.getFileStore(home).getUnallocatedSpace();
  }

  /** Fills the disk with a filler file so that exactly {@code leftBytes} (whole blocks) stay free. */
  private void fillDiskLeaving(long leftBytes) throws IOException {
    long fill = freeBytes() - leftBytes;
    assertThat(fill).as("the disk holds the filler").isPositive();
    Files.write(filler, new byte[Math.toIntExact(fill)]);
    assertThat(freeBytes()).isEqualTo(leftBytes);
  }

  /** Writes a first report of the small scenario and returns the disk space it took. */
  private long firstReport(String command) throws IOException {
    return firstReport(Path.of(Cli.SMALL), command, scenario.toString(), "--out", out.toString(), "-q");
  }

  /** Copies {@code source} to {@link #scenario}, runs {@code args} and returns the space they took. */
  private long firstReport(Path source, String... args) throws IOException {
    Files.createDirectories(home);
    Files.copy(source, scenario);
    long before = freeBytes();
    assertThat(sim(args)).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    long used = before - freeBytes();
    assertThat(used).as("a report takes several blocks").isGreaterThan(4L * BLOCK_BYTES);
    return used;
  }

  private void assertCleanFailure(String command, Map<String, String> previous) throws IOException {
    assertThat(stderr.toString())
        .contains(command + ": cannot write the report to " + out + ": out of disk space")
        .doesNotContain("internal error")
        .doesNotContain("Exception");
    assertKeptAndClean(previous);
  }

  private void assertKeptAndClean(Map<String, String> previous) throws IOException {
    assertThat(stderr.toString()).as("no stack trace").doesNotContain("\tat ");
    assertThat(hashes(out)).as("the previous report, byte for byte").isEqualTo(previous);
    assertThat(names(home)).as("no .out.tmp-* or .out.old-* left behind")
        .containsExactly("filler.bin", "out", "scenario.yaml");
  }

  @Test
  void runOutOfDiskKeepsThePreviousReportLeavesNoTemporaryFolderAndExits73() throws IOException {
    long reportBytes = firstReport("run");
    Map<String, String> previous = hashes(out);
    fillDiskLeaving(reportBytes / 2 / BLOCK_BYTES * BLOCK_BYTES);

    int code = sim("run", scenario.toString(), "--out", out.toString(), "--seed", "5");

    assertThat(code).isEqualTo(ExitCodes.CANNOT_WRITE);
    assertCleanFailure("sim run", previous);
    assertThat(stdout.toString()).as("the results are still printed").contains("scenario report-small, variant base");

    Files.delete(filler);
    assertThat(sim("run", scenario.toString(), "--out", out.toString(), "--seed", "5", "-q")).as(stderr.toString())
        .isEqualTo(ExitCodes.OK);
    assertThat(hashes(out).get("summary.json")).as("with room again, the new report replaces the old")
        .isNotEqualTo(previous.get("summary.json"));
  }

  @Test
  void compareOutOfDiskAtAnyPointOfTheReportKeepsThePreviousOne() throws IOException {
    long reportBytes = firstReport("compare");
    Map<String, String> previous = hashes(out);
    long reportBlocks = reportBytes / BLOCK_BYTES;
    // From no room at all (the first file fails) to one block short of a report (the last fails).
    long[] leftBlocks = {0, 1, reportBlocks / 3, 2 * reportBlocks / 3, reportBlocks - 1};
    fillDiskLeaving(0);
    for (long left : leftBlocks) {
      Files.delete(filler);
      fillDiskLeaving(left * BLOCK_BYTES);

      int code = sim("compare", scenario.toString(), "--out", out.toString(), "-q");

      assertThat(code).as("%d blocks free: %s", left, stderr).isEqualTo(ExitCodes.CANNOT_WRITE);
      assertCleanFailure("sim compare", previous);
      assertThat(freeBytes()).as("%d blocks free: the failed attempt gave back all it took", left)
          .isEqualTo(left * BLOCK_BYTES);
    }
  }

  @Test
  void sweepOutOfDiskKeepsThePreviousResultsAndLeavesNoTemporaryFolder() throws IOException {
    String[] sweep = {"sweep", scenario.toString(), "--vary", "clients.load.arrivals.rate=30/s,60/s",
        "--set", "duration=5s", "--set", "warmup=1s", "--replications", "2", "--parallel", "1", "--quiet",
        "--out", out.toString()};
    long resultBytes = firstReport(Path.of("src/test/resources/scenarios/sweep/mm1.yaml"), sweep);
    Map<String, String> previous = hashes(out);
    fillDiskLeaving(resultBytes / 2 / BLOCK_BYTES * BLOCK_BYTES);

    int code = sim(sweep);

    assertThat(code).as(stderr.toString()).isEqualTo(ExitCodes.CANNOT_WRITE);
    assertThat(stderr.toString()).contains("sweep: cannot write the results to ")
        .contains("out of disk space").doesNotContain("internal error").doesNotContain("\tat ");
    assertKeptAndClean(previous);
  }
}
