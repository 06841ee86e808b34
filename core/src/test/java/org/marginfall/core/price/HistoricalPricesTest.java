package org.marginfall.core.price;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;

/**
 * Replayed paths, the block bootstrap and the conditioning of simulated assets on historical ones.
 */
class HistoricalPricesTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId SOL = AssetId.of("SOL");
  private static final double STEP_SECONDS = 3600;
  private static final double DT = 3600 / (365.0 * 24 * 3600);

  @Test
  void test_replay_followsThePathPointByPoint_withShocksOnTop() {
    double[] path = {100, 104, 98, 91, 95};
    FundamentalPrices p =
        new FundamentalPrices(
            List.of(ETH),
            List.of(PriceProcessSpec.replay(ReplayPath.of(path))),
            FundamentalPrices.identity(1),
            STEP_SECONDS,
            new RandomStreams(1, 0));
    assertEquals(100, p.price(0));
    p.advance();
    assertEquals(104, p.price(0));
    p.advance();
    assertEquals(98, p.price(0));
    p.scale(0, 0.5); // a scheduled shock halves the price: later steps stay halved
    assertEquals(49, p.price(0));
    p.advance();
    assertEquals(45.5, p.price(0));
    p.advance();
    assertEquals(47.5, p.price(0));
    assertThrows(IllegalStateException.class, p::advance, "a replay cannot outlast its path");
  }

  @Test
  void test_simulatedAsset_isConditionedOnTheReplayedStandardisedReturn() {
    double[] path = {100, 90, 99, 99};
    ReplayPath replay = ReplayPath.of(path);
    double rho = 0.6;
    double[][] corr = {{1, rho}, {rho, 1}};
    PriceProcessSpec btc = new PriceProcessSpec(50_000, 0.1, 0.8, Optional.empty());
    FundamentalPrices p =
        new FundamentalPrices(
            List.of(ETH, BTC),
            List.of(PriceProcessSpec.replay(replay), btc),
            corr,
            STEP_SECONDS,
            new RandomStreams(42, 0));
    // By hand: u = r / rms(r) with r the path's log-returns; w = rho u + sqrt(1 - rho^2) z, z BTC's
    // own normal.
    double[] r = {Math.log(0.9), Math.log(1.1), 0};
    double rms = Math.sqrt((r[0] * r[0] + r[1] * r[1]) / 3);
    assertEquals(rms, replay.returnScale(), 1e-15);
    RandomStream own = new RandomStreams(42, 0).stream("prices/BTC");
    double expected = 50_000;
    for (int k = 0; k < 3; k++) {
      double w = rho * r[k] / rms + Math.sqrt(1 - rho * rho) * own.nextStandardNormal();
      expected *= Math.exp((0.1 - 0.5 * 0.64) * DT + 0.8 * Math.sqrt(DT) * w);
      p.advance();
      assertEquals(path[k + 1], p.price(0));
      assertEquals(expected, p.price(1), expected * 1e-12, "step " + (k + 1));
    }
  }

  @Test
  void test_uncorrelatedSimulatedAsset_keepsItsPath_whenAnotherAssetIsReplayed() {
    PriceProcessSpec btc = new PriceProcessSpec(50_000, 0.1, 0.8, Optional.empty());
    FundamentalPrices alone =
        new FundamentalPrices(
            List.of(BTC),
            List.of(btc),
            FundamentalPrices.identity(1),
            STEP_SECONDS,
            new RandomStreams(9, 0));
    FundamentalPrices withReplay =
        new FundamentalPrices(
            List.of(ETH, BTC),
            List.of(PriceProcessSpec.replay(ReplayPath.of(new double[] {1, 2, 3, 1, 5, 6})), btc),
            FundamentalPrices.identity(2),
            STEP_SECONDS,
            new RandomStreams(9, 0));
    for (int k = 0; k < 5; k++) {
      alone.advance();
      withReplay.advance();
      assertEquals(alone.price(0), withReplay.price(1), "step " + (k + 1));
    }
  }

  @Test
  void test_twoHistoricalAssets_refuseACorrelation() {
    PriceProcessSpec a = PriceProcessSpec.replay(ReplayPath.of(new double[] {1, 2, 3}));
    PriceProcessSpec b = PriceProcessSpec.replay(ReplayPath.of(new double[] {3, 2, 1}));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FundamentalPrices(
                    List.of(ETH, SOL),
                    List.of(a, b),
                    new double[][] {{1, 0.5}, {0.5, 1}},
                    STEP_SECONDS,
                    new RandomStreams(1, 0)));
    assertTrue(e.getMessage().contains("take their co-movement from their data"), e.getMessage());
  }

  @Test
  void test_fixedBlocks_areContiguousCircularSegmentsOfTheHistory() {
    double[] history = new double[37];
    for (int i = 0; i < history.length; i++) {
      history[i] = (i + 1) * 1e-3; // distinct, so a return names its index
    }
    int block = 5;
    BlockBootstrap b =
        new BlockBootstrap(ReturnBootstrap.of(history, block, ReturnBootstrap.Scheme.FIXED));
    RandomStream s = new RandomStream("prices/ETH", 77);
    double[] drawn = new double[block * 40];
    for (int k = 0; k < drawn.length; k++) {
      drawn[k] = b.next(s);
    }
    for (int start = 0; start < drawn.length; start += block) {
      int first = (int) Math.round(drawn[start] / 1e-3) - 1;
      double[] segment = new double[block];
      for (int j = 0; j < block; j++) {
        segment[j] = history[(first + j) % history.length];
      }
      double[] got = Arrays.copyOfRange(drawn, start, start + block);
      assertArrayEquals(segment, got, "block at step " + start);
      double[] a = got.clone();
      double[] c = segment.clone();
      Arrays.sort(a);
      Arrays.sort(c);
      assertArrayEquals(c, a, "the block's multiset of returns");
    }
  }

  @Test
  void test_stationaryBlocks_continueOrRestart_andAreDeterministicPerSeed() {
    double[] history = new double[50];
    for (int i = 0; i < history.length; i++) {
      history[i] = (i + 1) * 1e-3;
    }
    ReturnBootstrap spec = ReturnBootstrap.of(history, 8, ReturnBootstrap.Scheme.STATIONARY);
    double[] one = draws(spec, 3, 2000);
    assertArrayEquals(one, draws(spec, 3, 2000), "same seed, same draws");
    assertFalse(Arrays.equals(one, draws(spec, 4, 2000)), "another seed, other draws");
    int restarts = 0;
    for (int k = 1; k < one.length; k++) {
      int previous = (int) Math.round(one[k - 1] / 1e-3) - 1;
      int now = (int) Math.round(one[k] / 1e-3) - 1;
      if (now != (previous + 1) % history.length) {
        restarts++;
      }
    }
    // A block ends with probability 1/8 a step (a restart may land on the next index: 1/50 of them
    // do).
    double expected = 1999 / 8.0 * (1 - 1.0 / 50);
    assertEquals(expected, restarts, 4 * Math.sqrt(1999 * (1 / 8.0) * (7 / 8.0)));
  }

  @Test
  void test_bootstrap_priceIsTheProductOfTheDrawnReturns() {
    double[] history = {0.01, -0.02, 0.03, -0.04, 0.05};
    ReturnBootstrap spec = ReturnBootstrap.of(history, 2, ReturnBootstrap.Scheme.FIXED);
    FundamentalPrices p =
        new FundamentalPrices(
            List.of(ETH),
            List.of(PriceProcessSpec.bootstrap(200, spec)),
            FundamentalPrices.identity(1),
            STEP_SECONDS,
            new RandomStreams(5, 0));
    double[] expected = draws(spec, new RandomStreams(5, 0).stream("prices/ETH"), 6);
    double price = 200;
    for (double r : expected) {
      price *= Math.exp(r);
      p.advance();
      assertEquals(price, p.price(0), 1e-12);
    }
  }

  private static double[] draws(ReturnBootstrap spec, long seed, int n) {
    return draws(spec, new RandomStream("prices/ETH", seed), n);
  }

  private static double[] draws(ReturnBootstrap spec, RandomStream s, int n) {
    BlockBootstrap b = new BlockBootstrap(spec);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = b.next(s);
    }
    return out;
  }
}
