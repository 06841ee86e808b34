package org.marginfall.agents.institution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;

class RandomGraphsTest {

  @Test
  void test_erdosRenyi_meanDegreeNoSelfLinksAndDeterministic() {
    int[][] g = RandomGraphs.erdosRenyiDirected(2000, 4, new RandomStream("net", 11));
    long links = 0;
    for (int i = 0; i < g.length; i++) {
      for (int j : g[i]) {
        assertTrue(j != i, "no self-link");
      }
      links += g[i].length;
    }
    // Binomial(2000 * 1999, 4 / 1999): mean 8,000 links, sd 89.
    assertEquals(8000, links, 4 * 89);
    assertArrayEquals(
        g[17], RandomGraphs.erdosRenyiDirected(2000, 4, new RandomStream("net", 11))[17]);
    int[][] in = RandomGraphs.reverse(g);
    assertEquals(links, java.util.Arrays.stream(in).mapToLong(r -> r.length).sum());
  }

  @Test
  void test_completeGraph_whenDegreeIsCountMinusOne() {
    int[][] g = RandomGraphs.erdosRenyiDirected(6, 5, new RandomStream("net", 3));
    for (int[] row : g) {
      assertEquals(5, row.length);
    }
  }

  @Test
  void test_bipartite_meanDegreeAndSampleDistinct() {
    int[][] b = RandomGraphs.bipartite(500, 100, 3, new RandomStream("p", 5));
    long links = java.util.Arrays.stream(b).mapToLong(r -> r.length).sum();
    // Binomial(50,000, 0.03): mean 1,500, sd 38.
    assertEquals(1500, links, 4 * 38);
    int[] s = RandomGraphs.sample(10, 10, new RandomStream("s", 1));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, s);
    assertEquals(
        3,
        java.util.Arrays.stream(RandomGraphs.sample(1000, 3, new RandomStream("s", 2)))
            .distinct()
            .count());
  }

  @Test
  void test_balanceSheets_degreeLeavesPortfoliosAndFirstFailuresUnchanged() {
    InstitutionsSpec.Portfolio p =
        new InstitutionsSpec.Portfolio(
            List.of(AssetId.of("A"), AssetId.of("B"), AssetId.of("C")), 2, 900, null);
    BalanceSheets low = BalanceSheets.generate(spec(1.0, p), new RandomStreams(42, 0));
    BalanceSheets high = BalanceSheets.generate(spec(5.0, p), new RandomStreams(42, 0));
    assertArrayEquals(low.shocked(), high.shocked());
    for (int i = 0; i < 50; i++) {
      assertArrayEquals(low.holds()[i], high.holds()[i]);
      assertArrayEquals(low.units()[i], high.units()[i]);
    }
    // Each asset's supply is split equally among its holders.
    double[] total = new double[3];
    for (int i = 0; i < 50; i++) {
      for (int x = 0; x < low.holds()[i].length; x++) {
        total[low.holds()[i][x]] += low.units()[i][x];
      }
    }
    assertArrayEquals(new double[] {900, 900, 900}, total, 1e-9);
  }

  private static InstitutionsSpec spec(double z, InstitutionsSpec.Portfolio p) {
    return new InstitutionsSpec(
        "banks", 50, 80, 20, 4, Double.NaN, 0, z, p, new InstitutionsSpec.Shock(1, 2), 0, 0.05);
  }
}
