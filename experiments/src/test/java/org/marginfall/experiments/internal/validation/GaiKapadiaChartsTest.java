package org.marginfall.experiments.internal.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.network.GaiKapadiaWindow;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The Gai and Kapadia (2010) validation charts: the analytic curve against {@link GaiKapadiaWindow}
 * and the values docs/validation.md tabulates, and the charts built from a small hand-made
 * points.csv.
 */
class GaiKapadiaChartsTest {

  @TempDir Path tmp;

  /** The rows a sweep writes (docs/experiments.md), cut to three z and the columns used. */
  static final String POINTS =
      """
      point,z,metric,runs,failed,n,mean,sd,ci95_low,ci95_high
      0,3.0,contagion,10,0,10,0.8,0.42,0.5,1.0
      0,3.0,extent,10,0,8,0.94,0.01,0.93,0.95
      1,0.5,contagion,10,0,10,0.0,0.0,0.0,0.0
      1,0.5,extent,10,0,0,,,,
      2,8.0,contagion,10,0,10,0.1,0.31,0.0,0.3
      2,8.0,extent,10,0,1,0.99,,0.99,0.99
      """;

  private Path points(String text) throws IOException {
    Path file = tmp.resolve("points.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void test_analyticCurve_isGaiKapadiaWindowOnTheGrid() {
    double[][] curve = GaiKapadiaCharts.analyticCurve(15, 4);
    double[] window = GaiKapadiaWindow.window(4);
    // Every 0.02 from 0 to 15 plus the two edges.
    assertEquals(751 + 2, curve[0].length);
    assertEquals(0, curve[0][0]);
    assertEquals(15, curve[0][curve[0].length - 1]);
    assertTrue(Arrays.binarySearch(curve[0], window[0]) >= 0, "lower edge on the grid");
    assertTrue(Arrays.binarySearch(curve[0], window[1]) >= 0, "upper edge on the grid");
    // docs/validation.md's table: 0.512 at z = 1.5, 0.780 at 3, 0.447 at 5, 0 outside the window.
    double[][] expected = {{0.5, 0}, {1.5, 0.512}, {3, 0.780}, {5, 0.447}, {7, 0}, {15, 0}};
    for (double[] e : expected) {
      int i = Arrays.binarySearch(curve[0], e[0]);
      assertTrue(i >= 0, "z = " + e[0] + " on the grid");
      assertEquals(GaiKapadiaWindow.contagionProbability(e[0], 4), curve[1][i], 0, "z " + e[0]);
      assertEquals(e[1], curve[1][i], 5e-4, "z = " + e[0]);
    }
  }

  @Test
  void test_analyticCurve_atZ3_matchesTheFixedPointByBisection() {
    // Independently of the iteration in GaiKapadiaWindow: q = P(Poisson(3) <= 3) = 13 e^-3, and u
    // the smaller root of f(u) = 1 - q + q e^(3(u - 1)) - u, which is > 0 at 0 and < 0 at 0.5.
    double q = 13 * Math.exp(-3);
    double lo = 0;
    double hi = 0.5;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (1 - q + q * Math.exp(3 * (mid - 1)) - mid > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double[][] curve = GaiKapadiaCharts.analyticCurve(6, 4);
    int i = Arrays.binarySearch(curve[0], 3.0);
    assertEquals(1 - Math.exp(3 * (lo - 1)), curve[1][i], 1e-12);
  }

  @Test
  void test_read_keepsTheMetricsRowsSortedAndDropsEmptyMeans() throws IOException {
    Path file = points(POINTS);
    SweepPoints freq = SweepPoints.read(file, "z", "contagion");
    assertArrayEquals(new double[] {0.5, 3, 8}, freq.x());
    assertArrayEquals(new double[] {0, 0.8, 0.1}, freq.mean());
    assertArrayEquals(new double[] {0, 0.5, 0}, freq.low());
    assertArrayEquals(new double[] {0, 1.0, 0.3}, freq.high());
    SweepPoints extent = SweepPoints.read(file, "z", "extent");
    assertArrayEquals(new double[] {3, 8}, extent.x());
    assertArrayEquals(new double[] {0.94, 0.99}, extent.mean());
  }

  @Test
  void test_read_namesTheFileLineAndColumnOfABadCell() throws IOException {
    Path file = points(POINTS.replace("0,3.0,contagion,10,0,10,0.8", "0,3.0,contagion,10,0,10,x"));
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SweepPoints.read(file, "z", "contagion"));
    assertEquals(file + " line 2, column 7 (mean): 'x' is not a finite number", e.getMessage());
  }

  @Test
  void test_read_namesAMissingColumnAndAShortRow() throws IOException {
    Path noZ = points(POINTS.replace("point,z,", "point,degree,"));
    assertEquals(
        noZ + " line 1: no column 'z' (not a sweep's points.csv?)",
        assertThrows(InvalidSpecException.class, () -> SweepPoints.read(noZ, "z", "extent"))
            .getMessage());
    Path shortRow = points(POINTS.replace("1,0.5,extent,10,0,0,,,,", "1,0.5,extent"));
    assertEquals(
        shortRow + " line 5: 3 cells, the header has 10",
        assertThrows(InvalidSpecException.class, () -> SweepPoints.read(shortRow, "z", "extent"))
            .getMessage());
  }

  @Test
  void test_charts_fromAHandMadePointsFile() throws IOException {
    Path file = points(POINTS);
    List<RenderedChart> charts =
        GaiKapadiaCharts.charts(
            SweepPoints.read(file, "z", "contagion"), SweepPoints.read(file, "z", "extent"), 20, 4);
    assertEquals(
        List.of("gai-kapadia-frequency", "gai-kapadia-extent"),
        charts.stream().map(RenderedChart::baseName).toList());
    for (RenderedChart c : charts) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(c.png()));
      assertEquals(1000, image.getWidth());
      assertEquals(560, image.getHeight());
      // GaiKapadiaWindow.window(4), as docs/validation.md gives it: [1.0207, 5.7647].
      assertTrue(c.caption().contains("z from 1.021 to 5.765"), c.caption());
      assertTrue(c.svg().contains("window from z = 1.021"), "lower edge marked");
      assertTrue(c.svg().contains("to z = 5.765"), "upper edge marked");
    }
    assertTrue(charts.get(0).svg().contains("analytic, n"), "the analytic curve's legend");
    assertTrue(!charts.get(1).svg().contains("analytic, n"), "no analytic extent");
    assertTrue(charts.get(0).caption().contains("up to 4 debtors"), charts.get(0).caption());
  }
}
