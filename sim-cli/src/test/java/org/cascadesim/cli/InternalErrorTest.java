package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** An internal error, an Error included, is two lines on stderr and exit code 1, never a stack trace. */
class InternalErrorTest {

  private static String report(Throwable error, int[] code) {
    StringWriter text = new StringWriter();
    code[0] = Main.InternalErrorHandler.report(error, new PrintWriter(text, true));
    return text.toString();
  }

  @Test
  void aStackOverflowIsReportedAsAnInternalErrorWithoutAStackTrace() {
    int[] code = new int[1];
    String err = report(new StackOverflowError(), code);
    assertThat(code[0]).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err).startsWith("sim: internal error: java.lang.StackOverflowError")
        .contains("SIM_DEBUG=1").doesNotContain("\tat ");
    assertThat(err.lines()).hasSize(2);
  }

  @Test
  void runningOutOfMemorySaysHowToGiveTheJvmMoreHeap() {
    int[] code = new int[1];
    String err = report(new OutOfMemoryError("Java heap space"), code);
    assertThat(code[0]).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err).startsWith("sim: out of memory (Java heap space)").contains("JAVA_OPTS=-Xmx");
  }
}
