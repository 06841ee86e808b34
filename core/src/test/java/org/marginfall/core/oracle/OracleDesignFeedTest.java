package org.marginfall.core.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStream;

/**
 * Worked examples of each oracle design, one feed at a time, with the market path given by hand.
 */
class OracleDesignFeedTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Never fires on its own within these tests. */
  private static final int NO_HEARTBEAT = 1_000;

  /** Publishes every change, no heartbeat within these tests. */
  private static final OracleRule EVERY_CHANGE = new OracleRule(0, NO_HEARTBEAT, 0.0);

  private static OracleDesign design(
      OracleRule rule,
      List<OracleSource> sources,
      int twap,
      double min,
      double max,
      double band,
      List<OracleFailure> failures) {
    return new OracleDesign(
        rule, sources, new Aggregation.Median(), twap, min, max, band, failures);
  }

  private static OracleDesign failing(OracleFailure... failures) {
    return design(EVERY_CHANGE, List.of(), 1, 0, INF, INF, List.of(failures));
  }

  private static OracleFeed feed(OracleDesign design, double initial) {
    return new OracleFeed(ETH, design, initial, null);
  }

  /** Observes {@code price} as the market price of {@code step} and evaluates. */
  private static OracleFeed.Update step(OracleFeed feed, long step, double price) {
    feed.observe(price);
    return feed.evaluate(step);
  }

  @Test
  void test_evaluate_medianOfThreeBiasedSources() {
    // biases +1/32, -1/16, +1/4 on a market of 100 read 103.125, 93.75, 125: the median is 103.125
    List<OracleSource> sources =
        List.of(
            new OracleSource("a", 1, 0, 0.03125, 0),
            new OracleSource("b", 1, 0, -0.0625, 0),
            new OracleSource("c", 1, 0, 0.25, 0));
    OracleFeed f = feed(design(EVERY_CHANGE, sources, 1, 0, INF, INF, List.of()), 100);
    OracleFeed.Update u = step(f, 1, 100);
    assertEquals(103.125, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
  }

  @Test
  void test_evaluate_medianOfFourSourcesWithLatencies() {
    // latencies 0, 1, 2, 3 over the market path 100 (step 0), 90, 80, 70, 60; before the run the
    // price sat at 100. Step 3 reads 70, 80, 90, 100: median (80 + 90) / 2 = 85.
    List<OracleSource> sources =
        List.of(
            OracleSource.exact("s0", 0),
            OracleSource.exact("s1", 1),
            OracleSource.exact("s2", 2),
            OracleSource.exact("s3", 3));
    OracleFeed f = feed(design(EVERY_CHANGE, sources, 1, 0, INF, INF, List.of()), 100);
    // step 1 reads 90, 100, 100, 100: (100 + 100) / 2 = 100, no change from the initial 100
    assertNull(step(f, 1, 90));
    // step 2 reads 80, 90, 100, 100: (90 + 100) / 2 = 95
    assertEquals(95.0, step(f, 2, 80).price(), 0.0);
    assertEquals(85.0, step(f, 3, 70).price(), 0.0);
    // step 4 reads 60, 70, 80, 90: (70 + 80) / 2 = 75
    assertEquals(75.0, step(f, 4, 60).price(), 0.0);
  }

  @Test
  void test_evaluate_weightedMedianFollowsTheHeavySource() {
    // a heavy (weight 3) source reading the current price and two light ones reading 1 and 2
    // steps back: total 5, half 2.5, so the heavy reading is the weighted median whatever the order
    List<OracleSource> sources =
        List.of(
            new OracleSource("heavy", 3, 0, 0, 0),
            OracleSource.exact("lag1", 1),
            OracleSource.exact("lag2", 2));
    OracleFeed f = feed(design(EVERY_CHANGE, sources, 1, 0, INF, INF, List.of()), 100);
    assertEquals(90.0, step(f, 1, 90).price(), 0.0);
    assertEquals(80.0, step(f, 2, 80).price(), 0.0);
  }

  @Test
  void test_evaluate_medianOfThreeLatenciesLagsTheMarketByOneStep() {
    // latencies 0, 1, 2 over a falling market: the median is the one-step-old price
    List<OracleSource> sources =
        List.of(
            OracleSource.exact("s0", 0), OracleSource.exact("s1", 1), OracleSource.exact("s2", 2));
    OracleFeed f = feed(design(EVERY_CHANGE, sources, 1, 0, INF, INF, List.of()), 100);
    // step 1 reads 90, 100, 100: median 100, no change
    assertNull(step(f, 1, 90));
    // step 2 reads 80, 90, 100: 90
    assertEquals(90.0, step(f, 2, 80).price(), 0.0);
    // step 3 reads 70, 80, 90: 80
    assertEquals(80.0, step(f, 3, 70).price(), 0.0);
  }

  @Test
  void test_candidate_twapAveragesTheWindow() {
    // window of 4 steps; market 100 (step 0), 96, 92, 88, 84; the price sat at 100 before the run
    OracleFeed f = feed(design(EVERY_CHANGE, List.of(), 4, 0, INF, INF, List.of()), 100);
    // step 1: (96 + 100 + 100 + 100) / 4 = 99
    assertEquals(99.0, step(f, 1, 96).price(), 0.0);
    // step 2: (92 + 96 + 100 + 100) / 4 = 97
    assertEquals(97.0, step(f, 2, 92).price(), 0.0);
    // step 3: (88 + 92 + 96 + 100) / 4 = 94
    assertEquals(94.0, step(f, 3, 88).price(), 0.0);
    // step 4: (84 + 88 + 92 + 96) / 4 = 90; the initial 100 has left the window
    assertEquals(90.0, step(f, 4, 84).price(), 0.0);
    // step 5 flat at 84: (84 + 84 + 88 + 92) / 4 = 87, the TWAP still catching up
    assertEquals(87.0, step(f, 5, 84).price(), 0.0);
  }

  @Test
  void test_candidate_twapOfALatentSource() {
    // one source one step late, window 2: market 100, 80, 60, 40
    OracleFeed f =
        feed(
            design(EVERY_CHANGE, List.of(OracleSource.exact("late", 1)), 2, 0, INF, INF, List.of()),
            100);
    // step 1: readings by step 100, 100 -> 100 (no change)
    assertNull(step(f, 1, 80));
    // step 2: readings 100 (step 1 read step 0), 80 (step 2 reads step 1): 90
    assertEquals(90.0, step(f, 2, 60).price(), 0.0);
    // step 3: 80, 60: 70
    assertEquals(70.0, step(f, 3, 40).price(), 0.0);
  }

  @Test
  void test_evaluate_clampsToMinAnswerAndKeepsPublishingTheFloor() {
    // Chainlink minAnswer/maxAnswer (LUNA, May 2022): floor 20, cap 200, heartbeat 3
    OracleFeed f =
        feed(design(new OracleRule(0, 3, 0.0), List.of(), 1, 20, 200, INF, List.of()), 100);
    OracleFeed.Update u = step(f, 1, 50);
    assertEquals(50.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
    u = step(f, 2, 10);
    assertEquals(20.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.MIN_ANSWER, u.reason());
    assertEquals("min-answer", u.reason().label());
    // the market keeps falling; the feed reads 20 = published, so nothing until the heartbeat
    assertNull(step(f, 3, 5));
    assertNull(step(f, 4, 1));
    // heartbeat at step 2 + 3 = 5: the floor is re-published, so the published step stays fresh
    // and a staleness guard does not notice (the Venus/Blizz LUNA case)
    u = step(f, 5, 0.5);
    assertEquals(20.0, u.price(), 0.0);
    assertEquals(20.0, u.previous(), 0.0);
    assertEquals(OracleFeed.Reason.MIN_ANSWER, u.reason());
    assertEquals(5, f.publishedStep());
    // and the cap: 300 publishes 200
    u = step(f, 6, 300);
    assertEquals(200.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.MAX_ANSWER, u.reason());
  }

  @Test
  void test_evaluate_bandRefusesALargeMoveAndKeepsTheOldValue() {
    // band 1/4 around the last published value; powers of two keep the ratios exact
    OracleFeed f = feed(design(EVERY_CHANGE, List.of(), 1, 0, INF, 0.25, List.of()), 64);
    // 80 / 64 - 1 = 0.25: at the band edge, accepted
    OracleFeed.Update u = step(f, 1, 80);
    assertEquals(80.0, u.price(), 0.0);
    assertEquals(1, f.publishedStep());
    // 48 / 80 - 1 = -0.4: refused; the notice carries the value that stays
    u = step(f, 2, 48);
    assertEquals(OracleFeed.Reason.BAND_REFUSED, u.reason());
    assertEquals(80.0, u.price(), 0.0);
    assertEquals(80.0, u.previous(), 0.0);
    assertTrue(!u.published());
    assertEquals(80.0, f.price(), 0.0);
    assertEquals(1, f.publishedStep());
    // an intra-tick re-read that is still out of band gives no second notice in the same step
    f.reobserve(40);
    assertNull(f.evaluate(2));
    // 70 / 80 - 1 = -0.125: inside the band again, published
    u = step(f, 3, 70);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
    assertEquals(70.0, u.price(), 0.0);
    assertEquals(3, f.publishedStep());
  }

  @Test
  void test_evaluate_bandLeavesAFeedStuckAfterAPermanentDrop() {
    OracleFeed f =
        feed(design(new OracleRule(0, 2, 0.0), List.of(), 1, 0, INF, 0.25, List.of()), 64);
    for (long t = 1; t <= 6; t++) {
      // 32 / 64 - 1 = -0.5 every step: refused every step, the heartbeat publishes nothing either
      OracleFeed.Update u = step(f, t, 32);
      assertEquals(OracleFeed.Reason.BAND_REFUSED, u.reason(), "step " + t);
    }
    assertEquals(64.0, f.price(), 0.0);
    assertEquals(0, f.publishedStep());
  }

  @Test
  void test_evaluate_frozenPublishesNothingOverItsWindow() {
    OracleFeed f = feed(failing(new OracleFailure(ETH, 3, 2, new OracleFailure.Frozen())), 100);
    assertEquals(90.0, step(f, 1, 90).price(), 0.0);
    assertEquals(80.0, step(f, 2, 80).price(), 0.0);
    // step 3 starts the freeze: one notice carrying the value that stays, then silence
    OracleFeed.Update u = step(f, 3, 70);
    assertEquals(OracleFeed.Reason.FROZEN, u.reason());
    assertEquals(80.0, u.price(), 0.0);
    assertEquals(80.0, u.previous(), 0.0);
    f.reobserve(65);
    assertNull(f.evaluate(3), "no second notice within the step");
    assertNull(step(f, 4, 60));
    assertEquals(80.0, f.price(), 0.0);
    assertEquals(2, f.publishedStep(), "a staleness guard sees the feed 2 steps old at step 4");
    // the window [3, 5) is over at step 5: the rule publishes the current 50
    u = step(f, 5, 50);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
    assertEquals(50.0, u.price(), 0.0);
    assertEquals(5, f.publishedStep());
  }

  @Test
  void test_evaluate_frozenResumesWithTheHeartbeatWhenThePriceDidNotMove() {
    OracleFeed f =
        feed(
            design(
                new OracleRule(0, 2, 0.01),
                List.of(),
                1,
                0,
                INF,
                INF,
                List.of(new OracleFailure(ETH, 1, 4, new OracleFailure.Frozen()))),
            100);
    assertEquals(OracleFeed.Reason.FROZEN, step(f, 1, 100).reason());
    for (long t = 2; t <= 4; t++) {
      assertNull(step(f, t, 100), "frozen at step " + t);
    }
    // steps since the last publication (0) = 5 >= 2: the heartbeat fires at once
    assertEquals(OracleFeed.Reason.HEARTBEAT, step(f, 5, 100).reason());
  }

  @Test
  void test_evaluate_laggingReadsAnOlderPriceOverItsWindow() {
    OracleFeed f = feed(failing(new OracleFailure(ETH, 3, 2, new OracleFailure.Lagging(2))), 100);
    assertEquals(90.0, step(f, 1, 90).price(), 0.0);
    assertEquals(80.0, step(f, 2, 80).price(), 0.0);
    // step 3 reads 2 steps back: step 1's 90
    OracleFeed.Update u = step(f, 3, 70);
    assertEquals(90.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.LAGGING, u.reason());
    assertEquals("lagging", u.reason().label());
    // step 4 reads step 2's 80
    assertEquals(80.0, step(f, 4, 60).price(), 0.0);
    // step 5: the window is over, the current 50
    u = step(f, 5, 50);
    assertEquals(50.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
  }

  @Test
  void test_evaluate_laggingShiftsTheTwapWindow() {
    OracleFeed f =
        feed(
            design(
                EVERY_CHANGE,
                List.of(),
                2,
                0,
                INF,
                INF,
                List.of(new OracleFailure(ETH, 4, 1, new OracleFailure.Lagging(2)))),
            100);
    step(f, 1, 96);
    step(f, 2, 92);
    step(f, 3, 88);
    // step 4 without the lag would be (84 + 88) / 2 = 86; 2 steps back it is (92 + 96) / 2 = 94
    assertEquals(94.0, step(f, 4, 84).price(), 0.0);
  }

  @Test
  void test_evaluate_laggingOnTopOfLatency() {
    // source latency 1 plus lag 1: step 3 reads the price of step 1
    OracleFeed f =
        feed(
            design(
                new OracleRule(1, NO_HEARTBEAT, 0.0),
                List.of(),
                1,
                0,
                INF,
                INF,
                List.of(new OracleFailure(ETH, 3, 1, new OracleFailure.Lagging(1)))),
            100);
    assertNull(step(f, 1, 90)); // reads step 0's 100
    assertEquals(90.0, step(f, 2, 80).price(), 0.0);
    // 2 steps back from step 3 is step 1's 90 = published: no change, no update
    assertNull(step(f, 3, 70));
    // step 4 reads step 3's 70 again with latency 1 alone
    assertEquals(70.0, step(f, 4, 60).price(), 0.0);
  }

  @Test
  void test_evaluate_wrongValuePublishesTheGivenValueOverItsWindow() {
    OracleFeed f =
        feed(failing(new OracleFailure(ETH, 2, 2, new OracleFailure.WrongValue(123.0))), 100);
    assertEquals(101.0, step(f, 1, 101).price(), 0.0);
    OracleFeed.Update u = step(f, 2, 102);
    assertEquals(123.0, u.price(), 0.0);
    assertEquals(101.0, u.previous(), 0.0);
    assertEquals("wrong-value", u.reason().label());
    // unchanged wrong value, no heartbeat due: nothing new
    assertNull(step(f, 3, 103));
    assertEquals(123.0, f.price(), 0.0);
    // window [2, 4) over: back to the market
    u = step(f, 4, 104);
    assertEquals(104.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
  }

  @Test
  void test_evaluate_wrongFactorMultipliesTheTruePriceLikeTheCompoundDaiPrint() {
    // DAI at $1.00 printed at $1.30 (Compound, 2020): factor 1.3 for 2 steps; the factor is applied
    // as the failure's value, past a maxAnswer of 1.2 (a faulty answer the aggregator accepted)
    OracleFeed f =
        feed(
            design(
                EVERY_CHANGE,
                List.of(),
                1,
                0,
                1.2,
                INF,
                List.of(new OracleFailure(ETH, 1, 2, new OracleFailure.WrongFactor(1.3)))),
            1.0);
    OracleFeed.Update u = step(f, 1, 1.0);
    assertEquals(1.3 * 1.0, u.price(), 0.0);
    assertEquals(OracleFeed.Reason.WRONG_VALUE, u.reason());
    // 1.3 * 0.5 = 0.65 on the next step
    assertEquals(0.65, step(f, 2, 0.5).price(), 0.0);
    assertEquals(0.5, step(f, 3, 0.5).price(), 0.0);
  }

  @Test
  void test_evaluate_failureOfAnotherAssetDoesNotTouchThisFeed() {
    OracleFeed f = feed(failing(new OracleFailure(BTC, 1, 10, new OracleFailure.Frozen())), 100);
    assertEquals(90.0, step(f, 1, 90).price(), 0.0);
  }

  @Test
  void test_observe_noisySourceDrawsFromTheOraclesStreamByInversion() {
    double sigma = 0.01;
    OracleDesign noisy =
        design(
            EVERY_CHANGE,
            List.of(new OracleSource("n", 1, 0, 0.0, sigma)),
            1,
            0,
            INF,
            INF,
            List.of());
    OracleFeed f = new OracleFeed(ETH, noisy, 100, new RandomStream("oracles/x", 42));
    // a twin stream with the same seed gives the draws: one at construction (step 0), one per step
    RandomStream twin = new RandomStream("oracles/x", 42);
    twin.nextUniform();
    double z1 = RandomStream.standardNormalQuantile(twin.nextUniform());
    assertEquals(100 * StrictMath.exp(sigma * z1), step(f, 1, 100).price(), 0.0);
    // re-reading within the step reuses the step's draw: 90 exp(sigma z1)
    f.reobserve(90);
    assertEquals(90 * StrictMath.exp(sigma * z1), f.candidate(), 0.0);
    double z2 = RandomStream.standardNormalQuantile(twin.nextUniform());
    assertEquals(80 * StrictMath.exp(sigma * z2), step(f, 2, 80).price(), 0.0);
  }

  @Test
  void test_observe_sameSeedSamePricesOtherSeedOtherPrices() {
    OracleDesign noisy =
        design(
            EVERY_CHANGE,
            List.of(
                new OracleSource("a", 1, 0, 0, 0.01),
                new OracleSource("b", 2, 1, 0.001, 0.02),
                OracleSource.exact("c", 0)),
            3,
            0,
            INF,
            INF,
            List.of());
    double[] first = path(noisy, 7);
    double[] again = path(noisy, 7);
    for (int i = 0; i < first.length; i++) {
      assertEquals(first[i], again[i], 0.0, "step " + i);
    }
    double[] other = path(noisy, 8);
    assertNotEquals(first[first.length - 1], other[other.length - 1]);
  }

  private static double[] path(OracleDesign design, long seed) {
    OracleFeed f = new OracleFeed(ETH, design, 100, new RandomStream("oracles/x", seed));
    double[] out = new double[20];
    for (int t = 1; t <= out.length; t++) {
      f.observe(100 - t);
      f.evaluate(t);
      out[t - 1] = f.price();
    }
    return out;
  }

  @Test
  void test_newFeed_noisyDesignWithoutStreamIsRefused() {
    OracleDesign noisy =
        design(
            EVERY_CHANGE,
            List.of(new OracleSource("n", 1, 0, 0.0, 0.01)),
            1,
            0,
            INF,
            INF,
            List.of());
    assertThrows(IllegalArgumentException.class, () -> new OracleFeed(ETH, noisy, 100, null));
    assertThrows(IllegalArgumentException.class, () -> new Oracle(OracleId.of("o"), noisy, null));
  }

  @Test
  void test_oracleDesign_ruleAloneIsOneExactSourceAtTheRulesLatency() {
    OracleDesign d = OracleDesign.of(new OracleRule(3, 10, 0.01));
    assertEquals(List.of(OracleSource.exact("market", 3)), d.sources());
    assertEquals(1, d.twapSteps());
    assertTrue(!d.needsRandomness());
    assertTrue(!d.readsCurrentPrice());
  }

  @Test
  void test_records_validationNamesTheField() {
    assertMessage("weight:", () -> new OracleSource("a", 0, 0, 0, 0));
    assertMessage("latencySteps:", () -> new OracleSource("a", 1, -1, 0, 0));
    assertMessage("bias:", () -> new OracleSource("a", 1, 0, -1, 0));
    assertMessage("noise:", () -> new OracleSource("a", 1, 0, 0, -0.1));
    assertMessage("twapSteps:", () -> design(EVERY_CHANGE, List.of(), 0, 0, INF, INF, List.of()));
    assertMessage("minAnswer:", () -> design(EVERY_CHANGE, List.of(), 1, -1, INF, INF, List.of()));
    assertMessage("maxAnswer:", () -> design(EVERY_CHANGE, List.of(), 1, 5, 5, INF, List.of()));
    assertMessage("band:", () -> design(EVERY_CHANGE, List.of(), 1, 0, INF, 0, List.of()));
    assertMessage("fromStep:", () -> new OracleFailure(ETH, 0, 1, new OracleFailure.Frozen()));
    assertMessage("steps:", () -> new OracleFailure(ETH, 1, 0, new OracleFailure.Frozen()));
    assertMessage("lagSteps:", () -> new OracleFailure.Lagging(0));
    assertMessage("value:", () -> new OracleFailure.WrongValue(0));
    assertMessage("factor:", () -> new OracleFailure.WrongFactor(-1));
  }

  private static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().startsWith(prefix), x.getMessage());
  }

  @Test
  void test_reasonLabel_keepsTheExistingEventValues() {
    assertEquals("heartbeat", OracleFeed.Reason.HEARTBEAT.label());
    assertEquals("deviation", OracleFeed.Reason.DEVIATION.label());
    assertEquals("max-answer", OracleFeed.Reason.MAX_ANSWER.label());
    assertEquals("band-refused", OracleFeed.Reason.BAND_REFUSED.label());
    assertEquals("frozen", OracleFeed.Reason.FROZEN.label());
  }

  @Test
  void test_oraclesPublishedStep_frozenFeedFallsBehindTheClock() {
    Oracles oracles = new Oracles(AssetId.of("USD"));
    Oracle o =
        new Oracle(
            OracleId.of("o"),
            failing(new OracleFailure(ETH, 2, 5, new OracleFailure.Frozen())),
            null);
    o.addFeed(ETH, 100);
    oracles.add(o);
    OracleFeed f = o.feed(ETH);
    for (long t = 1; t <= 4; t++) {
      step(f, t, 100 - t);
    }
    // published at step 1 (99), frozen since step 2: at step 4 a venue sees a price 3 steps old
    assertEquals(1, oracles.publishedStep(OracleId.of("o"), ETH, 4));
    assertEquals(99.0, oracles.price(OracleId.of("o"), ETH), 0.0);
    // the base currency is never stale
    assertEquals(4, oracles.publishedStep(OracleId.of("o"), AssetId.of("USD"), 4));
  }
}
