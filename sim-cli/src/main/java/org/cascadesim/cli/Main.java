package org.cascadesim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sim} command line: the root command that dispatches to the subcommands. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "A deterministic discrete-event simulator of backend failure cascades.",
      "Results depend only on the scenario and the seed."
    },
    subcommands = {
      RunCommand.class,
      CompareCommand.class,
      ValidateCommand.class,
      org.cascadesim.cli.sweep.SweepCommand.class,
      org.cascadesim.cli.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:ok",
      " 1:internal error (a bug: please report it with the command line)",
      " 2:usage error (unknown option, missing argument)",
      "65:invalid scenario (every problem is printed as file:line:col: path: message)",
      "73:the report folder could not be written (the previous one is left intact)",
      "99:an SLO assertion failed"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Locale.setDefault(Locale.ROOT);
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli passes Errors through (a StackOverflowError is a bug; an OutOfMemoryError a run
      // too big for the heap): they get the same one-line report as any internal error.
      return InternalErrorHandler.report(e, err);
    }
  }

  /** Builds the configured command tree; tests use it to inspect help and options. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new InternalErrorHandler());
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command; see 'sim --help'.");
  }

  /** Prints an internal error as one line (and the stack trace only when SIM_DEBUG is set). */
  static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      return report(ex, commandLine.getErr());
    }

    static int report(Throwable ex, PrintWriter err) {
      if (ex instanceof OutOfMemoryError) {
        err.println("sim: out of memory (" + ex.getMessage() + "); give the JVM more heap, e.g."
            + " JAVA_OPTS=-Xmx8g ./sim ..., or shorten the run or lower limits.maxInFlight");
      } else {
        err.println("sim: internal error: " + ex);
      }
      if (System.getenv("SIM_DEBUG") != null) {
        ex.printStackTrace(err);
      } else {
        err.println("sim: set SIM_DEBUG=1 to see the stack trace");
      }
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  /** Reads the version from the filtered {@code version.properties} resource. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {
        "sim " + props.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
