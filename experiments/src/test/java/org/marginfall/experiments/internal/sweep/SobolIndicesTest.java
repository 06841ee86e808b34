package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.experiments.internal.scenario.FieldPath;

/**
 * The Ishigami function f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi], with a =
 * 7, b = 0.1 (Ishigami and Homma 1990). Its indices are known in closed form (Saltelli et al. 2008,
 * "Global Sensitivity Analysis: The Primer", 4.x; also SALib's test values): V = a^2/8 + b pi^4/5 +
 * b^2 pi^8/18 + 1/2 = 13.8446; S1 = 0.3139, S2 = 0.4424, S3 = 0; ST1 = 0.5576, ST2 = 0.4424, ST3 =
 * 0.2437.
 */
class SobolIndicesTest {

  private static double ishigami(double x1, double x2, double x3) {
    return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
  }

  @Test
  void test_compute_ishigamiThroughTheSobolDesign() {
    List<Parameter> ps = List.of(range("x1"), range("x2"), range("x3"));
    int n = 8192;
    List<Point> points = new Design(Design.Kind.SOBOL, n, 0).points(ps, 0);
    double[] a = new double[n];
    double[] b = new double[n];
    double[][] ab = new double[3][n];
    for (Point p : points) {
      double f =
          ishigami(
              (Double) p.values().get(0), (Double) p.values().get(1), (Double) p.values().get(2));
      switch (p.matrix()) {
        case "A" -> a[p.sample()] = f;
        case "B" -> b[p.sample()] = f;
        default -> ab[Integer.parseInt(p.matrix().substring(2)) - 1][p.sample()] = f;
      }
    }
    List<SobolIndices.Index> idx = SobolIndices.compute(a, b, ab, 200, 1);
    double[] s1 = {0.3139, 0.4424, 0.0};
    double[] st = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < 3; i++) {
      assertEquals(s1[i], idx.get(i).first(), 0.02, "S" + (i + 1));
      assertEquals(st[i], idx.get(i).total(), 0.02, "ST" + (i + 1));
      assertTrue(
          idx.get(i).firstLow() <= idx.get(i).first()
              && idx.get(i).first() <= idx.get(i).firstHigh());
      assertTrue(
          idx.get(i).totalLow() <= idx.get(i).total()
              && idx.get(i).total() <= idx.get(i).totalHigh());
      assertTrue(
          idx.get(i).firstHigh() - idx.get(i).firstLow() < 0.1, "a tight interval at N = 8192");
    }
  }

  @Test
  void test_compute_additiveLinearModelWorkedExample() {
    // f = x1 (x2 has no effect). With A = (0,0), (1,0) ; B = (1,1), (0,1) in x1:
    // f(A) = 0, 1; f(B) = 1, 0; f(AB1) (x1 from B) = 1, 0; f(AB2) (x2 from B) = f(A) = 0, 1.
    // V = var{0, 1, 1, 0} with divisor 3 = 1/3. S1 = mean(f(B)(f(AB1) - f(A))) / V = ((1)(1) + 0) /
    // 2 / (1/3) = 1.5;
    // ST1 = mean((f(A) - f(AB1))^2) / (2V) = (1 + 1) / 2 / (2/3) = 1.5; S2 = ST2 = 0.
    // (Only 2 samples: the estimator's small-sample bias shows; the exact values are S1 = ST1 = 1.)
    double[] a = {0, 1};
    double[] b = {1, 0};
    double[][] ab = {{1, 0}, {0, 1}};
    List<SobolIndices.Index> idx = SobolIndices.compute(a, b, ab, 0, 0);
    assertEquals(1.5, idx.get(0).first(), 1e-12);
    assertEquals(1.5, idx.get(0).total(), 1e-12);
    assertEquals(0.0, idx.get(1).first(), 1e-12);
    assertEquals(0.0, idx.get(1).total(), 1e-12);
    assertTrue(Double.isNaN(idx.get(0).firstLow()), "no bootstrap, no interval");
  }

  private static Parameter range(String name) {
    return new Parameter(
        name,
        FieldPath.parse("x." + name),
        List.of(),
        -Math.PI,
        Math.PI,
        Parameter.Scale.LINEAR,
        0,
        false);
  }
}
