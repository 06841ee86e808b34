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
import org.marginfall.experiments.internal.history.DataFileException;
import org.marginfall.experiments.internal.history.PriceFile;
import org.marginfall.experiments.internal.history.PriceTable;
import org.marginfall.experiments.internal.history.Resampler;
import org.marginfall.experiments.internal.history.TimeParser;

/**
 * {@code calibrate FILE}: reads a price history, resamples it, fits GBM and Merton by maximum
 * likelihood ({@link Calibrator}), prints the fits and the scenario {@code price} fragment of the
 * lower-AIC one, and writes the fragment and charts when asked. Nothing is written unless the file
 * reads and a fit succeeds. Stateless.
 */
final class PriceCalibration {

  private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

  /** The price-history options of {@code calibrate}; null fields were not given. */
  record Options(
      Path file,
      String model,
      Double stepSeconds,
      String column,
      String start,
      String end,
      Path write,
      Path charts) {}

  /** The resampled window's log returns at {@code step} seconds. */
  private record Returns(String name, Resampler.Window window, double step, double[] values) {
    double dt() {
      return step / SECONDS_PER_YEAR;
    }
  }

  private PriceCalibration() {}

  /** Runs it; bad input is an {@link InvalidSpecException} (exit 2). */
  static int run(PrintWriter out, Options o) throws IOException {
    List<String> models = models(o.model());
    Returns returns = returns(o);
    List<Fit> fits = fits(returns, models);
    printFits(out, returns, fits);
    Fit chosen = fits.stream().min((a, b) -> Double.compare(a.aic(), b.aic())).orElseThrow();
    double[] prices = returns.window().prices();
    String fragment = Fragment.yaml(chosen, prices[prices.length - 1]);
    out.println();
    out.println(
        "scenario fragment ("
            + chosen.model()
            + (fits.size() > 1 ? ", the lower AIC" : "")
            + "; the initial price is the window's last):");
    out.print(fragment);
    out.flush();
    if (o.write() != null) {
      AtomicFiles.write(o.write(), fragment.getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + o.write());
    }
    if (o.charts() != null) {
      Path file = o.file();
      int n =
          ChartFiles.write(
              o.charts(),
              PriceFitCharts.charts(
                  ChartFiles.stem(file),
                  file.getFileName().toString(),
                  returns.values(),
                  returns.dt(),
                  fits));
      out.println("wrote " + n + " chart files to " + o.charts());
    }
    out.flush();
    return 0;
  }

  /** Reads the file and resamples the window the options give, by the last price rule. */
  private static Returns returns(Options o) throws IOException {
    Path file = o.file();
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
              Optional.ofNullable(o.column()));
    } catch (DataFileException e) {
      throw new InvalidSpecException(e.problems().stream().map(p -> new Problem("", p)).toList());
    }
    double step = o.stepSeconds() != null ? o.stepSeconds() : nativeStep(table);
    if (!(step > 0)) {
      throw new InvalidSpecException("--step-seconds", "must be > 0, was " + step);
    }
    Resampler.Window window;
    try {
      window =
          Resampler.resample(
              table,
              Resampler.Rule.LAST,
              time("--start", o.start()),
              time("--end", o.end()),
              step,
              -1,
              name);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(name, e.getMessage());
    }
    return new Returns(name, window, step, ReplayPath.logReturns(window.prices()));
  }

  private static List<Fit> fits(Returns returns, List<String> models) {
    List<Fit> fits = new ArrayList<>();
    try {
      for (String m : models) {
        fits.add(
            m.equals("gbm")
                ? Calibrator.gbm(returns.values(), returns.dt())
                : Calibrator.merton(returns.values(), returns.dt()));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(returns.name(), e.getMessage());
    }
    return fits;
  }

  private static void printFits(PrintWriter out, Returns returns, List<Fit> fits) {
    int count = returns.values().length;
    long first = returns.window().start();
    out.printf(
        Locale.ROOT,
        "%s: %d returns of %s s from %s to %s%n",
        returns.name(),
        count,
        show(returns.step()),
        TimeParser.show(first),
        TimeParser.show(first + (long) (count * returns.step() * 1000)));
    for (Fit f : fits) {
      print(out, f);
    }
  }

  private static List<String> models(String model) {
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
