package org.marginfall.experiments.internal.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.reports.chart.FitCharts;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The charts of {@code calibrate} on a price history: the log-returns' density histogram under each
 * fitted model's density, and one QQ plot per model (the sorted returns against the model's
 * quantiles at {@code (i - 1/2) / n}, found by bisection of its distribution function). Stateless.
 */
public final class PriceFitCharts {

  private static final int CURVE_POINTS = 400;

  private PriceFitCharts() {}

  public static List<RenderedChart> charts(
      String stem, String file, double[] returns, double dtYears, List<Fit> fits) {
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    double lo = sorted[0];
    double hi = sorted[sorted.length - 1];
    double pad = (hi - lo) * 0.05;
    int bins = (int) Math.ceil(Math.sqrt(returns.length));
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo + (hi - lo) * i / bins;
    }
    edges[bins] = hi;
    List<FitCharts.Series> densities = new ArrayList<>();
    for (Fit f : fits) {
      ReturnModel m = model(f, dtYears);
      double[] theta = theta(f);
      double[] x = new double[CURVE_POINTS];
      double[] y = new double[CURVE_POINTS];
      for (int i = 0; i < CURVE_POINTS; i++) {
        x[i] = lo - pad + (hi - lo + 2 * pad) * i / (CURVE_POINTS - 1);
        y[i] = StrictMath.exp(m.logDensity(x[i], theta));
      }
      densities.add(new FitCharts.Series(f.model() + " fit", x, y));
    }
    List<RenderedChart> charts = new ArrayList<>();
    charts.add(
        FitCharts.densityHistogram(
            stem + "-returns",
            "Log-returns of " + file + " and the fitted densities",
            "log-return per step",
            returns,
            edges,
            densities,
            "Histogram of the "
                + returns.length
                + " per-step log-returns, scaled to a density, under the density of"
                + " each fitted model."));
    for (Fit f : fits) {
      charts.add(qq(stem, file, sorted, f, model(f, dtYears)));
    }
    return charts;
  }

  private static RenderedChart qq(String stem, String file, double[] sorted, Fit f, ReturnModel m) {
    double[] theta = theta(f);
    int n = sorted.length;
    double[] q = new double[n];
    double span = sorted[n - 1] - sorted[0];
    for (int i = 0; i < n; i++) {
      q[i] = quantile(m, theta, (i + 0.5) / n, sorted[0] - 10 * span, sorted[n - 1] + 10 * span);
    }
    double lo = Math.min(q[0], sorted[0]);
    double hi = Math.max(q[n - 1], sorted[n - 1]);
    return FitCharts.pointsAndLines(
        stem + "-qq-" + f.model(),
        "QQ plot of " + file + " against the " + f.model() + " fit",
        f.model() + " quantile",
        "log-return",
        new FitCharts.Series("returns", q, sorted),
        List.of(new FitCharts.Series("y = x", new double[] {lo, hi}, new double[] {lo, hi})),
        "Sorted log-returns against the fitted "
            + f.model()
            + " model's quantiles at (i - 1/2) / n: on the"
            + " diagonal where the model describes them; tails bending away are returns it does not.");
  }

  /** The {@code p}-quantile by bisection of the distribution function on {@code [a, b]}. */
  static double quantile(ReturnModel m, double[] theta, double p, double a, double b) {
    for (int i = 0; i < 100 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
      double mid = (a + b) / 2;
      if (m.cdf(mid, theta) < p) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return (a + b) / 2;
  }

  static ReturnModel model(Fit f, double dtYears) {
    return f.model().equals("gbm") ? new GbmModel(dtYears) : new MertonModel(dtYears);
  }

  private static double[] theta(Fit f) {
    return f.estimates().stream().mapToDouble(Estimate::value).toArray();
  }
}
