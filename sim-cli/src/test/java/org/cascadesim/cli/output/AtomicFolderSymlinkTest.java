package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cascadesim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A symbolic link given as the output folder is followed: the folder it names is replaced, the link kept. */
class AtomicFolderSymlinkTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheReportALinkPointsToAndKeepsTheLink() throws IOException {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Files.writeString(real.resolve("summary.json"), "old");
    Files.writeString(real.resolve("stale.csv"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), Path.of("real"));

    AtomicFolder.write(link, null, dir -> Files.writeString(dir.resolve("summary.json"), "new"));

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real"));
    assertThat(names(real)).containsExactly("summary.json");
    assertThat(real.resolve("summary.json")).hasContent("new");
    assertThat(names(tmp)).containsExactly("link", "real");
  }

  @Test
  void aTrailingSlashAndAChainOfLinksReachTheSameFolder() throws IOException {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Files.writeString(real.resolve("summary.json"), "old");
    Files.createSymbolicLink(tmp.resolve("first"), tmp.resolve("second"));
    Files.createSymbolicLink(tmp.resolve("second"), Path.of("real"));

    AtomicFolder.write(Path.of(tmp.resolve("first") + "/"), null,
        dir -> Files.writeString(dir.resolve("summary.json"), "new"));

    assertThat(real.resolve("summary.json")).hasContent("new");
    assertThat(Files.isSymbolicLink(tmp.resolve("first"))).isTrue();
    assertThat(names(tmp)).containsExactly("first", "real", "second");
  }

  @Test
  void aLinkToAFolderThatIsNotAReportIsStillRefused() throws IOException {
    Path real = Files.createDirectory(tmp.resolve("photos"));
    Files.writeString(real.resolve("cat.jpg"), "meow");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> AtomicFolder.write(link, null, dir -> Files.writeString(dir.resolve("summary.json"), "new")))
        .isInstanceOf(AtomicFolder.RefusedException.class);
    assertThat(real.resolve("cat.jpg")).hasContent("meow");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void runWritesThroughALinkedOutFolder() throws IOException {
    Path real = tmp.resolve("real");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    StringWriter err = new StringWriter();
    String[] run = {"run", "src/test/resources/scenarios/sweep/mm1.yaml", "--set", "duration=12s", "-q",
        "--out", link + "/"};

    assertThat(Main.execute(run, new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
    assertThat(Main.execute(run, new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real.resolve("summary.json")).exists();
  }
}
