package org.cascadesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The core CLI jar {@code sim-cli/target/sim.jar} (built earlier in the same reactor) never
 * contains Spark, Scala, Hadoop or any other dependency of this module, so it stays small and
 * starts fast; Spark is only ever {@code provided} here.
 */
class SimJarTest {
  private static final List<String> FORBIDDEN = List.of(
      "org/apache/spark/", "scala/", "org/apache/hadoop/", "io/netty/", "org/apache/logging/log4j/",
      "org/rocksdb/", "org/cascadesim/spark/",
      // Spark's Jackson 2 (Jackson 3, ours, lives in tools/jackson and shares only the annotations).
      "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/core/");

  @Test
  void theCliJarHasNoSparkNorItsDependencies() throws IOException {
    Path jar = Path.of("..", "sim-cli", "target", "sim.jar");
    assertThat(jar).as("sim-cli is packaged before sim-spark in the reactor").isRegularFile();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> offending = file.stream().map(ZipEntry::getName)
          .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).limit(10).toList();
      assertThat(offending).isEmpty();
      assertThat(file.getEntry("org/cascadesim/cli/Main.class")).isNotNull();
    }
    // Spark's runtime alone is about 220 MB; the CLI jar is about 10 MB.
    assertThat(Files.size(jar)).isLessThan(30L * 1024 * 1024);
  }
}
