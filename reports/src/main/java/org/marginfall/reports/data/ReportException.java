package org.marginfall.reports.data;

/**
 * Thrown when a run directory's input files are missing or do not follow the output contract
 * ({@code docs/outputs.md}). The message is one line that names the file and the problem, e.g.
 * {@code timeseries.csv: missing column 'step'}, so the CLI can print it as is; the underlying
 * parser exception, if any, is kept as the cause for debugging only.
 *
 * <p>Instances are immutable after construction (apart from the stack trace machinery inherited
 * from {@link Throwable}) and are thread-safe.
 */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param file the input file's name as the user knows it, e.g. {@code summary.json}
   * @param problem what is wrong with it
   */
  public ReportException(String file, String problem) {
    super(oneLine(file + ": " + problem));
  }

  /**
   * @param file the input file's name as the user knows it, e.g. {@code summary.json}
   * @param problem what is wrong with it
   * @param cause the parser or I/O exception behind the problem
   */
  public ReportException(String file, String problem, Throwable cause) {
    super(oneLine(file + ": " + problem), cause);
  }

  /** Input text (column names, parser messages) can carry line breaks; the CLI prints one line. */
  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
