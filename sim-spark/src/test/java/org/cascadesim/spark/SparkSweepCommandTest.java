package org.cascadesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.cascadesim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SparkSweep.main}'s arguments are {@code sim sweep}'s plus {@code --master} and {@code
 * --slices}: run end to end on one local thread (a different executor count from {@link
 * SparkSweepTest}'s two), it writes the same folder as {@code sim sweep}, every file byte for byte,
 * and prints the same closing line and best point.
 */
class SparkSweepCommandTest {
  @TempDir Path tmp;

  @Test
  void theCommandLineWritesTheSameFilesAndBestPointAsSimSweep() throws Exception {
    Path scenario = Path.of(getClass().getResource("/tiny-sweep.yaml").toURI());
    String best = "minimize client.shoppers.p99_ms subject to client.shoppers.success_rate >= 50%";
    String[] common = {scenario.toString(), "--vary", "services.checkout.runtime.threads=2,8",
        "--variants", "base,fixed", "--replications", "2", "--best", best};

    StringWriter localOut = new StringWriter();
    StringWriter localErr = new StringWriter();
    String[] local = concat(new String[] {"sweep"}, common, "--out", tmp.resolve("local").toString());
    assertThat(Main.execute(local, new PrintWriter(localOut), new PrintWriter(localErr))).as(localErr.toString()).isZero();

    StringWriter sparkOut = new StringWriter();
    StringWriter sparkErr = new StringWriter();
    String[] spark = concat(common, "--master", "local[1]", "--slices", "5", "--out", tmp.resolve("spark").toString());
    assertThat(SparkSweep.execute(spark, new PrintWriter(sparkOut), new PrintWriter(sparkErr)))
        .as(sparkErr.toString()).isZero();

    assertThat(sparkErr.toString()).contains("; 8 runs in 5 slices on local[1]");
    assertThat(Folders.files(tmp.resolve("local"))).hasSize(4 + 4 + 6);
    Folders.assertSameFiles(tmp.resolve("spark"), tmp.resolve("local"));
    // Same stdout: the summary line (with the out folder replaced) and the best point.
    assertThat(sparkOut.toString().replace(tmp.resolve("spark").toString(), "DIR"))
        .isEqualTo(localOut.toString().replace(tmp.resolve("local").toString(), "DIR"))
        .contains("best: point");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static String[] concat(String[] a, String[] b, String... tail) {
    return concat(concat(a, b), tail);
  }
}
