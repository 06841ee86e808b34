package org.marginfall.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.SweepData;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.ReportDocument;
import org.marginfall.reports.run.WarningsSection;
import org.marginfall.reports.sweep.SweepDocument;

/**
 * Writes the report of a sweep directory from its result files ({@code manifest.json}, {@code
 * runs.csv}, {@code points.csv}, {@code sobol.csv}; docs/experiments.md): charts (PNG and SVG),
 * tables (CSV and LaTeX), {@code report.html} and {@code report.pdf}. It never runs a model, so a
 * report can be rebuilt for any finished or merged sweep.
 *
 * <p>Everything written is a deterministic function of the input files except the generation time,
 * which comes from the injected clock. Instances are immutable and thread-safe (provided the clock
 * is); two concurrent calls on the same directory would race on its output files.
 */
public final class SweepReportWriter {

  private final Clock clock;

  /**
   * @param clock source of the generation time; {@code Clock.systemUTC()} in the CLI
   */
  public SweepReportWriter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @return the files written, relative to {@code sweepDir}, sorted
   * @throws ReportException if the directory or one of its required files is missing or malformed
   */
  public List<Path> write(Path sweepDir) throws IOException {
    if (!Files.isDirectory(sweepDir)) {
      throw new ReportException(String.valueOf(sweepDir), "not a directory");
    }
    SweepData data = SweepData.read(sweepDir);
    ReportDocument built = SweepDocument.build(data);
    // Warnings (a swept parameter no metric responds to) come first, before any table is read.
    List<Block> blocks = new ArrayList<>(WarningsSection.blocks(sweepDir));
    blocks.addAll(built.blocks());
    ReportDocument document = new ReportDocument(built.title(), blocks);
    Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<Path> written = new ArrayList<>(ReportOutput.write(sweepDir, document, generatedAt, true));
    written.sort(null);
    return List.copyOf(written);
  }
}
