package org.cascadesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads output folders as sorted relative path to bytes, and compares two of them byte for byte. */
final class Folders {
  private Folders() {}

  /** Every regular file under {@code dir}, by its path relative to {@code dir} with '/' separators. */
  static TreeMap<String, byte[]> files(Path dir) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** Asserts that both folders hold the same files with the same bytes (text files diffed readably). */
  static void assertSameFiles(Path actual, Path expected) throws IOException {
    TreeMap<String, byte[]> want = files(expected);
    TreeMap<String, byte[]> got = files(actual);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    for (String name : want.keySet()) {
      if (!name.endsWith(".png")) {
        assertThat(new String(got.get(name), StandardCharsets.UTF_8)).as(name)
            .isEqualTo(new String(want.get(name), StandardCharsets.UTF_8));
      }
      assertThat(got.get(name)).as(name).isEqualTo(want.get(name));
    }
  }
}
