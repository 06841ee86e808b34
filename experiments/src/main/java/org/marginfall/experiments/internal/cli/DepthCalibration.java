package org.marginfall.experiments.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.experiments.internal.calibrate.ChartFiles;
import org.marginfall.experiments.internal.calibrate.depth.DepthFit;
import org.marginfall.experiments.internal.calibrate.depth.DepthFitCharts;
import org.marginfall.experiments.internal.calibrate.depth.Trades;
import org.marginfall.experiments.internal.calibrate.depth.TradesFile;
import org.marginfall.experiments.internal.calibrate.depth.TradesFileException;
import org.marginfall.experiments.internal.history.TimeParser;

/**
 * {@code calibrate --trades}: reads a trades file, fits a market's linear-log depth ({@link
 * DepthFit}), prints it and the {@code markets} fragment, and writes the fragment and the chart
 * when asked. Nothing is written unless the file reads and the fit gives a depth. Stateless.
 */
final class DepthCalibration {

  private DepthCalibration() {}

  /** Runs it; bad input is an {@link InvalidSpecException} (exit 2). */
  static int run(PrintWriter out, Path file, String asset, double interval, Path write, Path charts)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSpecException("--trades", file + ": trades file not found");
    }
    if (!(interval > 0)) {
      throw new InvalidSpecException("--interval", "must be > 0 seconds, was " + interval);
    }
    if (asset == null || !asset.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new InvalidSpecException(
          "--asset",
          "give the market's asset id (1 to 64 letters, digits, _ or -) for the fragment");
    }
    Trades trades;
    try (InputStream in = Files.newInputStream(file)) {
      trades = TradesFile.read(in, file.toString());
    } catch (TradesFileException e) {
      throw new InvalidSpecException(e.problems().stream().map(p -> new Problem("", p)).toList());
    }
    DepthFit fit;
    try {
      fit = DepthFit.fit(trades, interval);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("--trades", file + ": " + e.getMessage());
    }
    print(out, file, trades, fit);
    if (!(fit.slope() > 0) || !(fit.depth() >= ImpactModel.MIN_DEPTH)) {
      throw new InvalidSpecException(
          "--trades",
          file
              + ": the fitted slope "
              + fit.slope()
              + " gives no depth of at least "
              + ImpactModel.MIN_DEPTH
              + ": the trades do not move the price in their direction at this interval");
    }
    String fragment =
        String.format(
            Locale.ROOT,
            "markets:\n  - asset: %s\n    impact: {model: linear-log, depth: %.6g}\n",
            asset,
            fit.depth());
    out.println();
    out.println("scenario fragment (estimate above; paste the entry under markets:):");
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
              DepthFitCharts.charts(ChartFiles.stem(file), file.getFileName().toString(), fit));
      out.println("wrote " + n + " chart files to " + charts);
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, Path file, Trades trades, DepthFit fit) {
    long[] t = trades.times();
    out.printf(
        Locale.ROOT,
        "%s: %d trades (%s layout) from %s to %s, %d intervals of %s s%n",
        file,
        fit.trades(),
        trades.layout(),
        TimeParser.show(t[0]),
        TimeParser.show(t[t.length - 1]),
        fit.intervals(),
        fit.intervalSeconds() == Math.rint(fit.intervalSeconds())
            ? Long.toString((long) fit.intervalSeconds())
            : Double.toString(fit.intervalSeconds()));
    out.println();
    out.printf(
        Locale.ROOT,
        "linear-log  R^2 %.4f (uncentred)  t %.2f  residual sd %.4g%n",
        fit.rSquare(),
        fit.tStatistic(),
        fit.residualSd());
    out.printf(Locale.ROOT, "  %-18s %14s %14s%n", "parameter", "estimate", "std. error");
    out.printf(Locale.ROOT, "  %-18s %14.6g %14.6g%n", "depth", fit.depth(), fit.depthError());
    out.printf(Locale.ROOT, "  %-18s %14.6g %14.6g%n", "1/depth", fit.slope(), fit.slopeError());
  }
}
