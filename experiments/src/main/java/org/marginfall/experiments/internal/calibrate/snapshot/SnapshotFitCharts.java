package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.RealDistribution;
import org.marginfall.reports.chart.FitCharts;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The charts of {@code calibrate --snapshot}: per fitted field, the empirical CDF of the accounts'
 * values (points at {@code i / n}) against the fitted CDF; a lognormal's on a log axis, where its
 * CDF is the normal's S-curve and the data's spread over decades stays readable. Stateless.
 */
public final class SnapshotFitCharts {

  private static final int CURVE_POINTS = 400;

  private SnapshotFitCharts() {}

  /** One chart per fitted distribution of every population. */
  public static List<RenderedChart> charts(String stem, SnapshotCalibration c) {
    List<RenderedChart> charts = new ArrayList<>();
    for (PopulationFit p : c.populations()) {
      for (DistributionFit f : p.fits()) {
        charts.add(chart(stem + "-" + p.id() + "-" + f.field(), p.id(), f));
      }
    }
    return charts;
  }

  private static RenderedChart chart(String name, String population, DistributionFit f) {
    boolean log = f.dist().equals("lognormal");
    double[] v = f.values();
    int n = v.length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = log ? StrictMath.log(v[i]) : v[i];
      y[i] = (i + 1.0) / n;
    }
    RealDistribution fitted = f.fitted();
    double lo = x[0];
    double hi = x[n - 1];
    double pad = (hi - lo) * 0.05;
    double[] cx = new double[CURVE_POINTS];
    double[] cy = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      cx[i] = lo - pad + (hi - lo + 2 * pad) * i / (CURVE_POINTS - 1);
      cy[i] = fitted.cumulativeProbability(log ? StrictMath.exp(cx[i]) : cx[i]);
    }
    String axis = log ? "natural log of " + f.field() : f.field();
    return FitCharts.pointsAndLines(
        name,
        population + ": " + f.field() + ", data and " + f.dist() + " fit",
        axis,
        "cumulative probability",
        new FitCharts.Series("accounts (" + n + ")", x, y),
        List.of(new FitCharts.Series(f.yaml(), cx, cy)),
        "Empirical CDF of "
            + f.field()
            + " over the "
            + n
            + " accounts of "
            + population
            + " against the fitted "
            + f.dist()
            + " (KS D "
            + String.format(java.util.Locale.ROOT, "%.4f", f.ksStatistic())
            + ").");
  }
}
