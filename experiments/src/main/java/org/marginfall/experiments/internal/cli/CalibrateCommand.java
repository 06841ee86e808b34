package org.marginfall.experiments.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.internal.calibrate.ChartFiles;
import org.marginfall.experiments.internal.calibrate.snapshot.SnapshotCalibrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall calibrate}: fits GBM and Merton parameters to a price history file by maximum
 * likelihood ({@link Calibrator}) and prints them with standard errors and goodness of fit, plus
 * the scenario {@code price} fragment to paste; with {@code --snapshot}, fits the population
 * entries a position snapshot's family takes ({@link SnapshotCalibrator}); with {@code --trades}, a
 * market's impact depth ({@link DepthCalibration}). This class checks which options go together;
 * {@link PriceCalibration}, {@link SnapshotCalibrationRun} and {@link DepthCalibration} do each
 * mode. Not thread-safe.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Fit GBM / Merton jump-diffusion parameters to a price history by maximum likelihood and"
            + " print the scenario price fragment; or, with --snapshot, fit the population distributions of a"
            + " position snapshot and print the agents fragment; or, with --trades, fit a market's"
            + " impact depth to trades and print the markets fragment.")
public final class CalibrateCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Price history: CSV or Parquet (docs/data.md). Or give --snapshot.")
  private Path file;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "Fit population distributions to a position snapshot instead (docs/data.md).")
  private Path snapshot;

  @Option(
      names = "--trades",
      paramLabel = "FILE",
      description =
          "Fit a market's linear-log impact depth to a trades file instead (docs/data.md).")
  private Path trades;

  @Option(
      names = "--asset",
      paramLabel = "ID",
      description = "With --trades: the market's asset id, which the fragment names.")
  private String asset;

  @Option(
      names = "--interval",
      paramLabel = "S",
      defaultValue = "60",
      description =
          "With --trades: seconds per interval the trades are summed over (default ${DEFAULT-VALUE}; the scenario's stepSeconds).")
  private double interval;

  @Option(
      names = "--family",
      paramLabel = "FAMILY",
      description = "With --snapshot: perpetual, lending or cdp; default: told from the file.")
  private String family;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "With --snapshot: csv, parquet, hyperliquid, aave-subgraph or maker-urns; default: told from the file.")
  private String format;

  @Option(
      names = "--price",
      paramLabel = "ASSET=P",
      description = "With --snapshot: an asset's price in the base currency (repeatable).")
  private java.util.Map<String, String> prices = new java.util.LinkedHashMap<>();

  @Option(
      names = "--name",
      paramLabel = "NAME=ASSET",
      description =
          "With --snapshot: a symbol or ilk name of the file as an asset id (repeatable).")
  private java.util.Map<String, String> names = new java.util.LinkedHashMap<>();

  @Option(
      names = "--rate",
      paramLabel = "ILK=R",
      description =
          "With --snapshot: an ilk's accumulated rate, debt = art x rate (repeatable; default 1).")
  private java.util.Map<String, String> rates = new java.util.LinkedHashMap<>();

  @Option(
      names = "--base",
      paramLabel = "ASSET",
      defaultValue = "USD",
      description = "With --snapshot: the base currency's id (default USD).")
  private String base;

  @Option(
      names = "--skip-invalid-rows",
      description =
          "With --snapshot: leave out the rows that do not fit (as onInvalidRow: skip) instead of stopping.")
  private boolean skipInvalid;

  @Option(
      names = "--venue",
      paramLabel = "ID",
      description =
          "With --snapshot: the venue id the fragment names (default: the family's name).")
  private String venue;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "gbm or merton; without it both are fitted and the fragment is the lower-AIC one.")
  private String model;

  @Option(
      names = "--step-seconds",
      paramLabel = "S",
      description =
          "Resample to steps of S seconds (the last price rule); default: the file's candle length or"
              + " its first time gap.")
  private Double stepSeconds;

  @Option(
      names = "--column",
      paramLabel = "NAME",
      description = "Price column of a file with a header.")
  private String column;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description = "First time used (ISO-8601 or epoch).")
  private String start;

  @Option(names = "--end", paramLabel = "TIME", description = "Last time used (ISO-8601 or epoch).")
  private String end;

  @Option(
      names = "--write",
      paramLabel = "YAML",
      description = "Also write the fragment to this file.")
  private Path write;

  @Option(
      names = "--chart",
      paramLabel = "DIR",
      description =
          "Write charts of the fit against the data (PNG and SVG) here; default: beside --write, else none.")
  private Path chart;

  @Override
  public Integer call() throws IOException {
    int inputs = (file == null ? 0 : 1) + (snapshot == null ? 0 : 1) + (trades == null ? 0 : 1);
    if (inputs != 1) {
      throw new InvalidSpecException(
          "FILE",
          "give a price history FILE, --snapshot FILE or --trades FILE"
              + (inputs == 0 ? "" : ", only one"));
    }
    if (trades == null && (asset != null || interval != 60)) {
      throw new InvalidSpecException("--trades", "--asset and --interval need --trades");
    }
    Path charts = ChartFiles.directory(chart, write);
    PrintWriter out = spec.commandLine().getOut();
    if (trades != null) {
      if (snapshotOptions() || priceOptions()) {
        throw new InvalidSpecException(
            "--trades", "--trades takes --asset, --interval, --write and --chart only");
      }
      return DepthCalibration.run(out, trades, asset, interval, write, charts);
    }
    if (snapshot != null) {
      if (priceOptions()) {
        throw new InvalidSpecException(
            "--snapshot",
            "--model, --step-seconds, --column, --start and --end apply to a price"
                + " history, not to --snapshot");
      }
      return SnapshotCalibrationRun.run(out, snapshotCalibration(), write, charts);
    }
    if (snapshotOptions()) {
      throw new InvalidSpecException(
          "--snapshot",
          "--family, --format, --price, --name, --rate, --venue and"
              + " --skip-invalid-rows need --snapshot");
    }
    return PriceCalibration.run(
        out,
        new PriceCalibration.Options(file, model, stepSeconds, column, start, end, write, charts));
  }

  /** What the snapshot options ask {@link SnapshotCalibrator} for. */
  private SnapshotCalibrator.Options snapshotCalibration() {
    return new SnapshotCalibrator.Options(
        snapshot,
        family,
        format,
        prices,
        names,
        rates,
        base,
        venue != null ? venue : family != null ? family : "venue",
        skipInvalid);
  }

  private boolean snapshotOptions() {
    return family != null
        || format != null
        || !prices.isEmpty()
        || !names.isEmpty()
        || !rates.isEmpty()
        || venue != null
        || skipInvalid;
  }

  private boolean priceOptions() {
    return model != null || stepSeconds != null || column != null || start != null || end != null;
  }
}
