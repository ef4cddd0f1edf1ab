package org.cascadesim.cli;

/** The process exit codes of {@code sim}, one place so that commands and docs agree. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An internal error: a bug in the simulator. */
  public static final int INTERNAL_ERROR = 1;
  /** A usage error: unknown option, missing or malformed argument. */
  public static final int USAGE = 2;
  /** An invalid scenario file (sysexits EX_DATAERR). */
  public static final int INVALID_SCENARIO = 65;
  /** The report folder could not be written (sysexits EX_CANTCREAT); the old one is left as it was. */
  public static final int CANNOT_WRITE = 73;
  /** An SLO assertion failed (the k6 threshold convention). */
  public static final int SLO_FAILED = 99;

  private ExitCodes() {}
}
