package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.experiments.internal.scenario.FieldPath;

class DesignTest {

  private static Parameter listed(String name, Object... values) {
    return new Parameter(
        name,
        FieldPath.parse("x." + name),
        List.of(values),
        Double.NaN,
        Double.NaN,
        Parameter.Scale.LINEAR,
        0,
        false);
  }

  private static Parameter range(
      String name, double min, double max, Parameter.Scale scale, int points) {
    return new Parameter(
        name, FieldPath.parse("x." + name), List.of(), min, max, scale, points, false);
  }

  @Test
  void test_grid_everyCombinationOnceFirstParameterSlowest() {
    Parameter a = listed("a", 1L, 2L);
    Parameter b = range("b", 0.0, 1.0, Parameter.Scale.LINEAR, 3);
    List<Point> points = new Design(Design.Kind.GRID, 0, 0).points(List.of(a, b), 0);
    // 2 levels x 3 levels = 6 points: (1,0), (1,0.5), (1,1), (2,0), (2,0.5), (2,1).
    assertEquals(6, points.size());
    assertEquals(List.of(1L, 0.0), points.get(0).values());
    assertEquals(List.of(1L, 0.5), points.get(1).values());
    assertEquals(List.of(1L, 1.0), points.get(2).values());
    assertEquals(List.of(2L, 0.0), points.get(3).values());
    assertEquals(List.of(2L, 1.0), points.get(5).values());
    Set<List<Object>> distinct = new HashSet<>();
    points.forEach(p -> distinct.add(p.values()));
    assertEquals(6, distinct.size(), "no combination twice");
    for (int i = 0; i < points.size(); i++) {
      assertEquals(i, points.get(i).id());
    }
  }

  @Test
  void test_gridLevels_logScaleEvenInTheLogarithm() {
    // 3 levels from 0.001 to 0.1 on a log scale: 0.001, 0.01, 0.1 (ratio 10 between neighbours).
    List<Object> levels = range("m", 0.001, 0.1, Parameter.Scale.LOG, 3).gridLevels();
    assertEquals(0.001, (Double) levels.get(0), 1e-15);
    assertEquals(0.01, (Double) levels.get(1), 1e-15);
    assertEquals(0.1, (Double) levels.get(2), 0.0);
  }

  @Test
  void test_lhs_eachStratumOfEachAxisHoldsExactlyOnePoint() {
    int n = 50;
    List<Parameter> ps =
        List.of(
            range("a", 0, 10, Parameter.Scale.LINEAR, 0),
            range("b", -1, 1, Parameter.Scale.LINEAR, 0),
            range("c", 1, 100, Parameter.Scale.LOG, 0));
    List<Point> points = new Design(Design.Kind.LHS, n, 0).points(ps, 42);
    assertEquals(n, points.size());
    for (int p = 0; p < ps.size(); p++) {
      boolean[] hit = new boolean[n];
      for (Point x : points) {
        double v = (Double) x.values().get(p);
        Parameter par = ps.get(p);
        // back to the unit coordinate u, then to its stratum floor(u n)
        double u =
            par.scale() == Parameter.Scale.LINEAR
                ? (v - par.min()) / (par.max() - par.min())
                : Math.log(v / par.min()) / Math.log(par.max() / par.min());
        int stratum = (int) Math.floor(u * n - 1e-9 * Math.signum(u));
        assertTrue(stratum >= 0 && stratum < n, "inside the range: " + v);
        assertTrue(!hit[stratum], "stratum " + stratum + " of " + par.name() + " holds two points");
        hit[stratum] = true;
      }
    }
  }

  @Test
  void test_lhs_sameSeedSamePointsOtherSeedOtherPoints() {
    List<Parameter> ps = List.of(range("a", 0, 1, Parameter.Scale.LINEAR, 0));
    Design d = new Design(Design.Kind.LHS, 8, 0);
    assertEquals(d.points(ps, 7), d.points(ps, 7));
    assertTrue(!d.points(ps, 7).equals(d.points(ps, 8)));
  }

  @Test
  void test_random_inRangeAndIntegerRounded() {
    Parameter whole =
        new Parameter(
            "n", FieldPath.parse("x.n"), List.of(), 1, 5, Parameter.Scale.LINEAR, 0, true);
    for (Point p : new Design(Design.Kind.RANDOM, 200, 0).points(List.of(whole), 3)) {
      long v = (Long) p.values().get(0);
      assertTrue(v >= 1 && v <= 5, "in [1, 5]: " + v);
    }
  }

  @Test
  void test_sobol_saltelliMatricesABAndABi() {
    List<Parameter> ps =
        List.of(
            range("a", 0, 1, Parameter.Scale.LINEAR, 0),
            range("b", 0, 1, Parameter.Scale.LINEAR, 0),
            range("c", 0, 1, Parameter.Scale.LINEAR, 0));
    List<Point> points = new Design(Design.Kind.SOBOL, 4, 0).points(ps, 0);
    assertEquals(4 * (3 + 2), points.size());
    for (int j = 0; j < 4; j++) {
      Point a = points.get(j * 5);
      Point b = points.get(j * 5 + 1);
      assertEquals("A", a.matrix());
      assertEquals("B", b.matrix());
      for (int i = 0; i < 3; i++) {
        Point ab = points.get(j * 5 + 2 + i);
        assertEquals("AB" + (i + 1), ab.matrix());
        assertEquals(j, ab.sample());
        for (int c = 0; c < 3; c++) {
          assertEquals(c == i ? b.values().get(c) : a.values().get(c), ab.values().get(c));
        }
      }
    }
    // The first Sobol' row after the skipped zero row is (0.5, ..., 0.5) in every dimension.
    assertEquals(List.of(0.5, 0.5, 0.5), points.get(0).values());
  }

  @Test
  void test_at_listedValuesAreEquallyLikelyLevels() {
    Parameter p = listed("m", "cross", "isolated");
    assertEquals("cross", p.at(0.0));
    assertEquals("cross", p.at(0.49));
    assertEquals("isolated", p.at(0.5));
    assertEquals("isolated", p.at(0.999));
  }
}
