package org.marginfall.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.reports.chart.ReportCharts;
import org.marginfall.reports.chart.VenueCharts;
import org.marginfall.reports.data.Contagion;
import org.marginfall.reports.data.ContagionReader;
import org.marginfall.reports.data.ManifestReader;
import org.marginfall.reports.data.OracleFailureReader;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.RunFiles;
import org.marginfall.reports.data.RunManifest;
import org.marginfall.reports.data.RunSummary;
import org.marginfall.reports.data.SummaryReader;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.PdfDocument;
import org.marginfall.reports.doc.RenderedChart;
import org.marginfall.reports.doc.ReportDocument;
import org.marginfall.reports.html.ReportPage;
import org.marginfall.reports.html.RunTables;
import org.marginfall.reports.run.ContagionSection;
import org.marginfall.reports.run.NetworkSection;
import org.marginfall.reports.run.OddSection;
import org.marginfall.reports.run.RunEvents;
import org.marginfall.reports.run.RunRisk;
import org.marginfall.reports.run.TwinSection;
import org.marginfall.reports.run.WarningsSection;

/**
 * Writes the charts and the HTML report of a finished run from the files in its run directory
 * ({@code docs/outputs.md}). It reads result files only, never a live model, so a report can be
 * (re)built for any run directory, including old ones and ones copied from another machine.
 *
 * <p>Everything written is a deterministic function of the input files, except the page's
 * "Generated at" line, which comes from the injected clock so tests can fix it. Every file is
 * written to a temporary file next to it and then moved into place, so an interrupted write never
 * leaves a truncated chart or page behind. Independent parts (groups of charts, the PDF's fonts)
 * are prepared on short-lived threads of their own, so a report uses more than one core; the files
 * do not depend on which thread ends first.
 *
 * <p>Instances are immutable and thread-safe (provided the clock is), but two concurrent calls on
 * the same run directory would race on its output files.
 */
public final class RunReportWriter {

  private final Clock clock;

  /**
   * @param clock source of the page's generation time; {@code Clock.systemUTC()} in the CLI
   */
  public RunReportWriter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads {@code summary.json} (with its {@code contagion} object when present), {@code
   * timeseries.csv} (required), {@code manifest.json}, {@code events.jsonl}, {@code scenario.yaml},
   * {@code twin-comparison.json}, {@code warnings.json} and {@code exposures.json} (optional) from
   * {@code runDir}; writes {@code runDir/charts/*}, {@code runDir/tables/*}, {@code
   * runDir/report.html} and {@code runDir/report.pdf}.
   *
   * @param runDir a run directory
   * @return the files written, relative to {@code runDir}, sorted
   * @throws ReportException if {@code runDir} is not a directory, or a required input is missing or
   *     malformed, or the manifest is present but malformed
   * @throws IOException if reading or writing fails for another reason
   */
  public List<Path> write(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      throw new ReportException(String.valueOf(runDir), "not a directory");
    }
    // The PDF's font metrics load, and events.jsonl (the largest input) is read, on other cores
    // while the summary and the time series are read.
    Background<Void> pdfFonts =
        Background.start(
            "pdf-fonts",
            () -> {
              PdfDocument.preload();
              return null;
            });
    Background<Optional<RunEvents>> runEvents =
        Background.start("events", () -> RunEvents.read(runDir));
    // Read and draw everything before writing anything: bad input must not leave a
    // half-updated set of charts behind.
    RunSummary summary = SummaryReader.read(runDir.resolve(RunFiles.SUMMARY));
    TimeSeries table = TimeSeriesReader.read(runDir.resolve(RunFiles.TIMESERIES));
    String currency = summary.run().baseCurrency();
    // Drawing charts is most of a report's time: the venue charts need only the table, so they
    // are drawn on a second core while this thread draws the run charts, and the contagion
    // section's charts once the events are read. The page order does not depend on which ends
    // first.
    Background<List<RenderedChart>> venueCharts =
        Background.start("venue-charts", () -> VenueCharts.render(table, currency));
    Optional<RunManifest> manifest = ManifestReader.read(runDir.resolve(RunFiles.MANIFEST));
    Optional<RunEvents> events = runEvents.join();
    Optional<Contagion> contagion = ContagionReader.read(runDir.resolve(RunFiles.SUMMARY));
    SortedSet<Long> shocks = events.map(RunEvents::shockSteps).orElse(new TreeSet<>());
    Background<List<Block>> contagionSection =
        Background.start(
            "contagion-section",
            () ->
                ContagionSection.blocks(
                    contagion, events, new ArrayList<>(summary.venues().keySet()), currency));
    List<RenderedChart> charts =
        new ArrayList<>(
            ReportCharts.render(table, currency, shocks, OracleFailureReader.read(runDir)));
    charts.addAll(venueCharts.join());
    // A reader wants the results first: the summary and the charts, then the analysis sections,
    // and only then how the model works and how the run was made.
    List<Block> analysis = new ArrayList<>();
    analysis.addAll(RunRisk.blocks(summary, events, contagion));
    analysis.addAll(contagionSection.join());
    analysis.addAll(TwinSection.blocks(runDir));
    analysis.addAll(NetworkSection.blocks(runDir));
    List<Block> description = OddSection.blocks(runDir);
    // Warnings come first of all: a no-op must be seen before any number is read as its effect.
    List<Block> warnings = WarningsSection.blocks(runDir);
    // Whole seconds: sub-second digits add noise to the page and tell a reader nothing.
    Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String page =
        ReportPage.render(summary, manifest, charts, generatedAt, warnings, analysis, description);

    // The PDF and the table files carry the page's content, in the page's order.
    List<Block> blocks = new ArrayList<>(warnings);
    RunTables.summary(summary).forEach(t -> blocks.add(new Block.TableBlock(t)));
    blocks.add(new Block.Heading("Charts"));
    charts.forEach(c -> blocks.add(new Block.Figure(c)));
    blocks.addAll(analysis);
    blocks.addAll(description);
    RunTables.settings(summary, manifest).forEach(t -> blocks.add(new Block.TableBlock(t)));
    blocks.addAll(ReportPage.citation(manifest));
    ReportDocument document =
        new ReportDocument("Marginfall report: " + summary.scenario().name(), blocks);

    pdfFonts.join();
    List<Path> written = new ArrayList<>(ReportOutput.write(runDir, document, generatedAt, false));
    written.add(writeFile(runDir, Path.of(RunFiles.REPORT), page.getBytes(StandardCharsets.UTF_8)));
    written.sort(null);
    return List.copyOf(written);
  }

  /**
   * Writes {@code runDir/relative} via a temporary sibling and a move; returns {@code relative}.
   */
  private static Path writeFile(Path runDir, Path relative, byte[] content) throws IOException {
    AtomicFiles.write(runDir.resolve(relative), content);
    return relative;
  }
}
