package org.cascadesim.cli.output;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output options that {@code sim run} and {@code sim compare} share (a picocli mixin). */
public final class ReportOptions {
  /** What stdout carries. */
  public enum Format {
    /** The tables for people. */
    text,
    /** The summary.json document. */
    json
  }

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write the report folder here (default: out/<scenario>/). It is replaced as a whole, "
          + "and only if it is a report folder (has summary.json) or empty.")
  Path out;

  @Option(names = "--no-output", description = "Write no report folder.")
  boolean noOutput;

  @Option(names = "--latency", description = "Also print the full latency percentile spectrum per client (wrk2 style, ms).")
  boolean latency;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "What to print on stdout: ${COMPLETION-CANDIDATES} (json: the summary.json document). Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(names = "--check",
      description = "Check the scenario's slo: assertions against every variant; exit 99 when one fails.")
  boolean check;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (the report folder is still written).")
  boolean quiet;

  /** Creates the options with their defaults. */
  public ReportOptions() {}

  /** The {@code --out} folder, or null for the default. */
  public Path out() {
    return out;
  }

  /** Whether to skip the report folder. */
  public boolean noOutput() {
    return noOutput;
  }

  /** Whether to print the percentile spectrum. */
  public boolean latency() {
    return latency;
  }

  /** What stdout carries. */
  public Format format() {
    return format;
  }

  /** Whether to print nothing but errors. */
  public boolean check() {
    return check;
  }

  /** Returns whether only errors are printed. */
  public boolean quiet() {
    return quiet;
  }
}
