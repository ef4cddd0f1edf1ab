package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden: a test compares its output with the file, or
 * rewrites the file when run with {@code -Dgolden.update=true} (see docs/reports.md).
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    String normalized = actual.replace("\r\n", "\n");
    if (updating()) {
      Files.createDirectories(DIR);
      Files.writeString(file, normalized, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s is missing; run the tests with -Dgolden.update=true", file).exists();
    assertThat(normalized)
        .as("output differs from golden file %s (rerun with -Dgolden.update=true if the change is intended)", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
