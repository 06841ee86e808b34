package org.marginfall.core.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AggregationTest {

  private final Aggregation median = new Aggregation.Median();
  private final Aggregation mean = new Aggregation.WeightedMean();

  @Test
  void test_median_ofThreeIsTheMiddleReading() {
    // sorted 99, 101, 104; cumulative weights 1, 2, 3 against half of 3 = 1.5: the second, 101
    assertEquals(101.0, median.aggregate(new double[] {101, 99, 104}, new double[] {1, 1, 1}), 0.0);
  }

  @Test
  void test_median_ofFourIsTheMeanOfTheTwoMiddleReadings() {
    // sorted 96, 98, 100, 104; cumulative weight 2 reaches exactly half of 4 at 98: (98 + 100) / 2
    assertEquals(
        99.0, median.aggregate(new double[] {100, 96, 104, 98}, new double[] {1, 1, 1, 1}), 0.0);
  }

  @Test
  void test_median_ofOneIsThatReading() {
    assertEquals(42.5, median.aggregate(new double[] {42.5}, new double[] {7}), 0.0);
  }

  @Test
  void test_median_weightedWithHyperliquidVenueWeights() {
    // Hyperliquid's weights: Binance 3, OKX 2, Bybit 2, Kraken 1, KuCoin 1 (total 9, half 4.5).
    // Readings Binance 100, OKX 101, Bybit 99, Kraken 110, KuCoin 90 sort to
    // 90 (w1), 99 (w2), 100 (w3), 101 (w2), 110 (w1); cumulative 1, 3, 6: 6 >= 4.5 at 100.
    double[] values = {100, 101, 99, 110, 90};
    double[] weights = {3, 2, 2, 1, 1};
    assertEquals(100.0, median.aggregate(values, weights), 0.0);
    // An unweighted median of the same readings is 100 too; move Binance to 105 and the weighted
    // median follows it: sorted 90 (1), 99 (2), 101 (2), 105 (3), 110 (1); cumulative 1, 3, 5 >=
    // 4.5 at 101
    values[0] = 105;
    assertEquals(101.0, median.aggregate(values, weights), 0.0);
  }

  @Test
  void test_median_heavySourceOutweighsTwoLightOnes() {
    // 100 (w1), 101 (w1), 200 (w3): total 5, half 2.5; cumulative 1, 2, 5: the heavy 200
    assertEquals(
        200.0, median.aggregate(new double[] {100, 101, 200}, new double[] {1, 1, 3}), 0.0);
  }

  @Test
  void test_median_tiedReadingsDoNotDependOnSourceOrder() {
    assertEquals(
        median.aggregate(new double[] {5, 3, 5, 1}, new double[] {1, 1, 1, 1}),
        median.aggregate(new double[] {1, 5, 3, 5}, new double[] {1, 1, 1, 1}),
        0.0);
    // sorted 1, 3, 5, 5: (3 + 5) / 2
    assertEquals(4.0, median.aggregate(new double[] {5, 3, 5, 1}, new double[] {1, 1, 1, 1}), 0.0);
  }

  @Test
  void test_weightedMean_weighsEachReading() {
    // (3 * 100 + 1 * 104) / 4 = 404 / 4 = 101
    assertEquals(101.0, mean.aggregate(new double[] {100, 104}, new double[] {3, 1}), 0.0);
  }

  @Test
  void test_aggregate_rejectsMismatchedInputs() {
    assertThrows(
        IllegalArgumentException.class, () -> median.aggregate(new double[] {}, new double[] {}));
    assertThrows(
        IllegalArgumentException.class,
        () -> mean.aggregate(new double[] {1, 2}, new double[] {1}));
  }
}
