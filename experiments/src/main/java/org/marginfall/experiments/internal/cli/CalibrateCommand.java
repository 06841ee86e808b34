package org.marginfall.experiments.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.marginfall.core.price.JumpSpec;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.ReplayPath;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.experiments.internal.calibrate.Calibrator;
import org.marginfall.experiments.internal.calibrate.ChartFiles;
import org.marginfall.experiments.internal.calibrate.Estimate;
import org.marginfall.experiments.internal.calibrate.Fit;
import org.marginfall.experiments.internal.calibrate.PriceFitCharts;
import org.marginfall.experiments.internal.calibrate.snapshot.SnapshotCalibrator;
import org.marginfall.experiments.internal.calibrate.snapshot.SnapshotFitCharts;
import org.marginfall.experiments.internal.history.DataFileException;
import org.marginfall.experiments.internal.history.PriceFile;
import org.marginfall.experiments.internal.history.PriceTable;
import org.marginfall.experiments.internal.history.Resampler;
import org.marginfall.experiments.internal.history.TimeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall calibrate}: fits GBM and Merton parameters to a price history file by maximum
 * likelihood ({@link Calibrator}) and prints them with standard errors and goodness of fit, plus
 * the scenario {@code price} fragment to paste; with {@code --snapshot}, fits the population
 * entries a position snapshot's family takes ({@link SnapshotCalibrator}); with {@code --trades}, a
 * market's impact depth ({@link DepthCalibration}). Not thread-safe.
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

  private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

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
    if (trades != null) {
      if (snapshotOptions()
          || model != null
          || stepSeconds != null
          || column != null
          || start != null
          || end != null) {
        throw new InvalidSpecException(
            "--trades", "--trades takes --asset, --interval, --write and --chart only");
      }
      return DepthCalibration.run(
          spec.commandLine().getOut(), trades, asset, interval, write, charts);
    }
    if (snapshot != null) {
      return calibrateSnapshot(charts);
    }
    if (snapshotOptions()) {
      throw new InvalidSpecException(
          "--snapshot",
          "--family, --format, --price, --name, --rate, --venue and"
              + " --skip-invalid-rows need --snapshot");
    }
    List<String> models = models();
    if (!Files.isRegularFile(file)) {
      throw new InvalidSpecException(file.toString(), "price file not found");
    }
    String name = file.toString();
    PriceTable table;
    try {
      table =
          PriceFile.read(
              Files.readAllBytes(file),
              name,
              PriceFile.Format.of(name),
              Optional.ofNullable(column));
    } catch (DataFileException e) {
      throw new InvalidSpecException(e.problems().stream().map(p -> new Problem("", p)).toList());
    }
    double step = stepSeconds != null ? stepSeconds : nativeStep(table);
    if (!(step > 0)) {
      throw new InvalidSpecException("--step-seconds", "must be > 0, was " + step);
    }
    Resampler.Window window;
    try {
      window =
          Resampler.resample(
              table,
              Resampler.Rule.LAST,
              time("--start", start),
              time("--end", end),
              step,
              -1,
              name);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(name, e.getMessage());
    }
    double[] returns = ReplayPath.logReturns(window.prices());
    double dt = step / SECONDS_PER_YEAR;
    List<Fit> fits = new ArrayList<>();
    try {
      for (String m : models) {
        fits.add(m.equals("gbm") ? Calibrator.gbm(returns, dt) : Calibrator.merton(returns, dt));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(name, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%s: %d returns of %s s from %s to %s%n",
        name,
        returns.length,
        show(step),
        TimeParser.show(window.start()),
        TimeParser.show(window.start() + (long) (returns.length * step * 1000)));
    for (Fit f : fits) {
      print(out, f);
    }
    Fit chosen = fits.stream().min((a, b) -> Double.compare(a.aic(), b.aic())).orElseThrow();
    String fragment = Fragment.yaml(chosen, window.prices()[window.prices().length - 1]);
    out.println();
    out.println(
        "scenario fragment ("
            + chosen.model()
            + (fits.size() > 1 ? ", the lower AIC" : "")
            + "; the initial price is the window's last):");
    out.print(fragment);
    out.flush();
    if (write != null) {
      AtomicFiles.write(write, fragment.getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + write);
    }
    if (charts != null) {
      int n =
          ChartFiles.write(
              charts,
              PriceFitCharts.charts(
                  ChartFiles.stem(file), file.getFileName().toString(), returns, dt, fits));
      out.println("wrote " + n + " chart files to " + charts);
    }
    out.flush();
    return 0;
  }

  private Integer calibrateSnapshot(Path charts) throws IOException {
    if (model != null || stepSeconds != null || column != null || start != null || end != null) {
      throw new InvalidSpecException(
          "--snapshot",
          "--model, --step-seconds, --column, --start and --end apply to a price"
              + " history, not to --snapshot");
    }
    SnapshotCalibrator.Result result;
    try {
      result =
          SnapshotCalibrator.calibrate(
              new SnapshotCalibrator.Options(
                  snapshot,
                  family,
                  format,
                  prices,
                  names,
                  rates,
                  base,
                  venue != null ? venue : family != null ? family : "venue",
                  skipInvalid));
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("--snapshot", snapshot + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    SnapshotCalibrator.print(out, snapshot, result);
    if (write != null) {
      AtomicFiles.write(
          write,
          SnapshotCalibrator.fragment(result.calibration()).getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + write);
    }
    if (charts != null) {
      int n =
          ChartFiles.write(
              charts, SnapshotFitCharts.charts(ChartFiles.stem(snapshot), result.calibration()));
      out.println("wrote " + n + " chart files to " + charts);
    }
    out.flush();
    return 0;
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

  private List<String> models() {
    if (model == null) {
      return List.of("gbm", "merton");
    }
    if (!model.equals("gbm") && !model.equals("merton")) {
      throw new InvalidSpecException(
          "--model", "unknown model '" + model + "' (known: gbm, merton)");
    }
    return List.of(model);
  }

  private static Long time(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return TimeParser.millis(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(option, e.getMessage());
    }
  }

  private static double nativeStep(PriceTable table) {
    if (table instanceof PriceTable.Candles c) {
      return c.intervalMillis() / 1000.0;
    }
    PriceTable.Points p = (PriceTable.Points) table;
    return (p.times()[1] - p.times()[0]) / 1000.0;
  }

  private static void print(PrintWriter out, Fit f) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%s  log-likelihood %.2f  AIC %.2f  KS D %.4f (p %.3g)%n",
        f.model(),
        f.logLikelihood(),
        f.aic(),
        f.ksStatistic(),
        f.ksPValue());
    out.printf(Locale.ROOT, "  %-18s %14s %14s%n", "parameter", "estimate", "std. error");
    for (Estimate e : f.estimates()) {
      out.printf(Locale.ROOT, "  %-18s %14.6g %14.6g%n", e.name(), e.value(), e.standardError());
    }
  }

  private static String show(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }

  /** The {@code price} block a scenario takes, each value within the reader's bounds. */
  static final class Fragment {
    private Fragment() {}

    static String yaml(Fit fit, double initial) {
      StringBuilder s = new StringBuilder("price:\n");
      s.append("  initial: ").append(Double.toString(initial)).append('\n');
      double drift = fit.estimate("drift").value();
      if (Math.abs(drift) > PriceProcessSpec.MAX_DRIFT) {
        s.append("  drift: 0.0   # the fitted ")
            .append(fmt(drift))
            .append(" is beyond the scenario bound of ")
            .append(org.marginfall.core.spec.SpecNode.show(PriceProcessSpec.MAX_DRIFT))
            .append('\n');
      } else {
        s.append("  drift: ").append(fmt(drift)).append('\n');
      }
      s.append("  volatility: ")
          .append(bounded(fit.estimate("volatility").value(), PriceProcessSpec.MAX_VOLATILITY))
          .append('\n');
      if (fit.model().equals("merton")) {
        s.append("  jumps:\n");
        s.append("    intensityPerYear: ")
            .append(bounded(fit.estimate("intensityPerYear").value(), JumpSpec.MAX_INTENSITY))
            .append('\n');
        double m = fit.estimate("meanLogJump").value();
        s.append("    meanLogJump: ")
            .append(
                Math.abs(m) > JumpSpec.MAX_LOG_JUMP
                    ? org.marginfall.core.spec.SpecNode.show(
                            Math.copySign(JumpSpec.MAX_LOG_JUMP, m))
                        + "   # the fitted "
                        + fmt(m)
                        + " is beyond the scenario bound"
                    : fmt(m))
            .append('\n');
        s.append("    sdLogJump: ")
            .append(bounded(fit.estimate("sdLogJump").value(), JumpSpec.MAX_LOG_JUMP))
            .append('\n');
      }
      return s.toString();
    }

    private static String bounded(double v, double max) {
      return v > max
          ? org.marginfall.core.spec.SpecNode.show(max)
              + "   # the fitted "
              + fmt(v)
              + " is beyond the scenario bound"
          : fmt(v);
    }

    private static String fmt(double v) {
      return String.format(Locale.ROOT, "%.6g", v);
    }
  }
}
