package org.marginfall.reports.data;

/**
 * Names of the files in a run directory, as fixed by the output contract ({@code docs/outputs.md}).
 * Kept in one place so readers, chart writer and page agree on them.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class RunFiles {

  /** Metrics per venue and per asset; required. */
  public static final String SUMMARY = "summary.json";

  /** One row per step; required. */
  public static final String TIMESERIES = "timeseries.csv";

  /** Provenance; optional for the report. */
  public static final String MANIFEST = "manifest.json";

  /** Directory, relative to the run directory, that holds the chart files. */
  public static final String CHARTS_DIR = "charts";

  /** The self-contained HTML page. */
  public static final String REPORT = "report.html";

  private RunFiles() {}
}
