package org.cascadesim.cli.output;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.cascadesim.cli.Main;

/** Runs the command line in-process and keeps what it printed. */
final class Cli {
  static final String SMALL = "src/test/resources/scenarios/valid/report-small.yaml";

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  int code;

  static Cli run(String... args) {
    Cli cli = new Cli();
    cli.code = Main.execute(args, new PrintWriter(cli.out, true), new PrintWriter(cli.err, true));
    return cli;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
