package org.marginfall.experiments.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginfall.core.network.GaiKapadiaWindow;
import org.marginfall.reports.chart.FitCharts;
import org.marginfall.reports.chart.ValidationCharts;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The Gai and Kapadia (2010) validation charts of docs/validation.md: the simulated frequency of
 * contagion against the average degree z beside the analytic large-n probability of {@link
 * GaiKapadiaWindow}, and the simulated extent given contagion; both with the analytic window's
 * edges marked. The closed form gives the window and the probability, not the extent, so the extent
 * chart has no analytic curve. Stateless.
 */
public final class GaiKapadiaCharts {

  /** The analytic curve's z step: fine enough that the kinks at the window's edges look sharp. */
  static final double STEP = 0.02;

  private GaiKapadiaCharts() {}

  /**
   * The analytic probability {@link GaiKapadiaWindow#contagionProbability} on z = 0, STEP, ... up
   * to {@code zMax}, with the window's edges added as grid points so the curve leaves zero exactly
   * there: {@code {z[], p[]}}.
   */
  public static double[][] analyticCurve(double zMax, int jMax) {
    List<Double> z = new ArrayList<>();
    int steps = (int) Math.ceil(zMax / STEP);
    for (int i = 0; i <= steps; i++) {
      z.add(Math.min(zMax, i * STEP));
    }
    for (double edge : GaiKapadiaWindow.window(jMax)) {
      if (edge < zMax) {
        z.add(edge);
      }
    }
    double[] xs = z.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    double[] ps = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ps[i] = GaiKapadiaWindow.contagionProbability(xs[i], jMax);
    }
    return new double[][] {xs, ps};
  }

  /**
   * The frequency chart ({@code gai-kapadia-frequency}) and the extent chart ({@code
   * gai-kapadia-extent}).
   *
   * @param frequency the sweep's {@code contagion} metric against z
   * @param extent the sweep's {@code extent} metric against z
   * @param interbankAssets a bank's interbank claims (the bundled example: 20)
   * @param capital a bank's capital (the bundled example: 4)
   */
  public static List<RenderedChart> charts(
      SweepPoints frequency, SweepPoints extent, double interbankAssets, double capital) {
    int jMax = GaiKapadiaWindow.maxVulnerableDegree(interbankAssets, capital);
    double[] window = GaiKapadiaWindow.window(jMax);
    List<ValidationCharts.Marker> edges = new ArrayList<>();
    for (int i = 0; i < window.length; i++) {
      edges.add(
          new ValidationCharts.Marker(
              format((i == 0 ? " window from z = " : " to z = "), window[i]), window[i]));
    }
    double zMax = Math.max(max(frequency.x()), max(extent.x()));
    double[][] curve = analyticCurve(zMax, jMax);
    String setup =
        String.format(
            Locale.ROOT,
            " Interbank assets %s, capital %s: a bank falls to one failed debtor up to %d debtors"
                + " (jMax).",
            plain(interbankAssets),
            plain(capital),
            jMax);
    String windowText =
        window.length == 0
            ? " The cascade condition never holds: no analytic window."
            : format(" Dashed verticals: the analytic window, z from ", window[0])
                + format(" to ", window[1])
                + ".";
    RenderedChart freq =
        ValidationCharts.estimatesAndCurves(
            "gai-kapadia-frequency",
            "Gai & Kapadia (2010): frequency of contagion",
            "average degree z",
            "frequency of contagion",
            0,
            zMax * 1.02,
            estimates("simulated, n = 1,000 (95% bootstrap interval)", frequency),
            List.of(new FitCharts.Series("analytic, n \u2192 \u221e", curve[0], curve[1])),
            edges,
            "Share of seeds in which at least 5% of the banks fail after one random failure, with"
                + " the 95% bootstrap interval of points.csv, beside the large-n probability"
                + " 1 - e^(z(u - 1)) of GaiKapadiaWindow."
                + setup
                + windowText);
    RenderedChart ext =
        ValidationCharts.estimatesAndCurves(
            "gai-kapadia-extent",
            "Gai & Kapadia (2010): extent of contagion given contagion",
            "average degree z",
            "share of banks failed",
            0,
            zMax * 1.02,
            estimates("simulated, n = 1,000 (95% bootstrap interval)", extent),
            List.of(),
            edges,
            "Share of banks that fail, averaged over the seeds with contagion (a z without"
                + " contagion has no point). The closed form gives no extent, so no analytic curve."
                + setup
                + windowText);
    return List.of(freq, ext);
  }

  private static ValidationCharts.Estimates estimates(String name, SweepPoints p) {
    return new ValidationCharts.Estimates(name, p.x(), p.mean(), p.low(), p.high());
  }

  private static double max(double[] xs) {
    double m = 0;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static String format(String prefix, double x) {
    return prefix + String.format(Locale.ROOT, "%.3f", x);
  }

  private static String plain(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
