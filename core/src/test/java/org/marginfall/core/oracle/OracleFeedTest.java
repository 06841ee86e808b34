package org.marginfall.core.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

class OracleFeedTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId USD = AssetId.of("USD");

  /** Never fires on its own within these tests. */
  private static final int NO_HEARTBEAT = 1_000;

  @Test
  void test_candidate_readsTheObservationLatencyStepsOld() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(2, NO_HEARTBEAT, 0.0), 100);
    // observations: step 0 = 100
    assertEquals(100.0, feed.candidate(), 0.0);
    feed.observe(101);
    // only 2 observations: the oldest (100) stands in for the one 2 steps back
    assertEquals(100.0, feed.candidate(), 0.0);
    feed.observe(102);
    // 100, 101, 102: two back is 100
    assertEquals(100.0, feed.candidate(), 0.0);
    feed.observe(103);
    assertEquals(101.0, feed.candidate(), 0.0);
    feed.observe(104);
    assertEquals(102.0, feed.candidate(), 0.0);
    // many steps later the ring still returns the right one
    for (int p = 105; p < 200; p++) {
      feed.observe(p);
      assertEquals(p - 2.0, feed.candidate(), 0.0);
    }
  }

  @Test
  void test_candidate_zeroLatencyReadsCurrentObservation() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, NO_HEARTBEAT, 0.0), 100);
    feed.observe(95);
    assertEquals(95.0, feed.candidate(), 0.0);
  }

  @Test
  void test_evaluate_heartbeatFiresAfterHeartbeatStepsWithoutMoves() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, 3, 0.05), 100);
    for (long step = 1; step <= 9; step++) {
      feed.observe(100);
      OracleFeed.Update u = feed.evaluate(step);
      if (step % 3 == 0) {
        assertNotNull(u, "heartbeat at step " + step);
        assertEquals(OracleFeed.Reason.HEARTBEAT, u.reason());
        assertEquals(100.0, u.price(), 0.0);
        assertEquals(100.0, u.previous(), 0.0);
      } else {
        assertNull(u, "no update at step " + step);
      }
    }
  }

  @Test
  void test_evaluate_heartbeatPublishesSubThresholdMove() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, 2, 0.05), 100);
    feed.observe(101); // 1% < 5%
    assertNull(feed.evaluate(1));
    feed.observe(102);
    OracleFeed.Update u = feed.evaluate(2);
    assertEquals(OracleFeed.Reason.HEARTBEAT, u.reason());
    assertEquals(102.0, u.price(), 0.0);
    assertEquals(102.0, feed.price(), 0.0);
  }

  @Test
  void test_evaluate_deviationFiresAtThresholdAndNotBelow() {
    // powers of two keep the ratios exact: 80 / 64 - 1 = 0.25, 79 / 64 - 1 = 0.234375
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, NO_HEARTBEAT, 0.25), 64);
    feed.observe(79);
    assertNull(feed.evaluate(1));
    assertEquals(64.0, feed.price(), 0.0);
    feed.observe(80);
    OracleFeed.Update up = feed.evaluate(2);
    assertEquals(OracleFeed.Reason.DEVIATION, up.reason());
    assertEquals(80.0, up.price(), 0.0);
    assertEquals(64.0, up.previous(), 0.0);
    assertEquals(ETH, up.asset());
    // downwards from 80: 60 / 80 - 1 = -0.25 fires, 61 / 80 - 1 = -0.2375 does not
    feed.observe(61);
    assertNull(feed.evaluate(3));
    feed.observe(60);
    assertEquals(OracleFeed.Reason.DEVIATION, feed.evaluate(4).reason());
    assertEquals(60.0, feed.price(), 0.0);
  }

  @Test
  void test_evaluate_deviationIsMeasuredAgainstLastPublishedNotLastObserved() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, NO_HEARTBEAT, 0.25), 64);
    // creeping up 64 -> 72 -> 79: each step < 25% from the previous, but 80 is 25% from 64
    feed.observe(72);
    assertNull(feed.evaluate(1));
    feed.observe(79);
    assertNull(feed.evaluate(2));
    feed.observe(80);
    assertNotNull(feed.evaluate(3));
  }

  @Test
  void test_evaluate_zeroThresholdPublishesEveryChangeOnly() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, NO_HEARTBEAT, 0.0), 100);
    feed.observe(100);
    assertNull(feed.evaluate(1), "no change, no update");
    feed.observe(Math.nextUp(100.0));
    OracleFeed.Update u = feed.evaluate(2);
    assertEquals(OracleFeed.Reason.DEVIATION, u.reason());
    assertEquals(Math.nextUp(100.0), feed.price(), 0.0);
  }

  @Test
  void test_evaluate_heartbeatCountsFromLastPublication() {
    OracleFeed feed = new OracleFeed(ETH, new OracleRule(0, 3, 0.25), 64);
    feed.observe(80);
    assertNotNull(feed.evaluate(2)); // deviation at step 2 restarts the heartbeat
    feed.observe(80);
    assertNull(feed.evaluate(3));
    feed.observe(80);
    assertNull(feed.evaluate(4));
    feed.observe(80);
    assertEquals(OracleFeed.Reason.HEARTBEAT, feed.evaluate(5).reason());
  }

  @Test
  void test_reobserve_replacesCurrentObservation() {
    OracleFeed immediate = new OracleFeed(ETH, new OracleRule(0, NO_HEARTBEAT, 0.0), 100);
    immediate.observe(110);
    immediate.reobserve(90);
    assertEquals(90.0, immediate.candidate(), 0.0);

    OracleFeed lagged = new OracleFeed(ETH, new OracleRule(1, NO_HEARTBEAT, 0.0), 100);
    lagged.observe(110);
    lagged.reobserve(90);
    // it reads one step back (100); the current step's 110 became 90
    assertEquals(100.0, lagged.candidate(), 0.0);
    lagged.observe(120);
    assertEquals(90.0, lagged.candidate(), 0.0);
  }

  @Test
  void test_oracleRule_validationNamesTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new OracleRule(-1, 1, 0));
    assertTrue(e.getMessage().startsWith("latencySteps:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new OracleRule(0, 0, 0));
    assertTrue(e.getMessage().startsWith("heartbeatSteps:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new OracleRule(0, 1, -0.01));
    assertTrue(e.getMessage().startsWith("deviationThreshold:"), e.getMessage());
  }

  @Test
  void test_oraclesPrice_baseIsOneOthersFromFeed() {
    Oracles oracles = new Oracles(USD);
    Oracle oracle = new Oracle(OracleId.of("fast"), OracleRule.immediate());
    oracle.addFeed(ETH, 2000);
    oracles.add(oracle);
    assertEquals(1.0, oracles.price(OracleId.of("fast"), USD), 0.0);
    assertEquals(2000.0, oracles.price(OracleId.of("fast"), ETH), 0.0);
    assertThrows(IllegalArgumentException.class, () -> oracles.price(OracleId.of("slow"), ETH));
    assertThrows(
        IllegalArgumentException.class,
        () -> oracles.price(OracleId.of("fast"), AssetId.of("BTC")));
    assertThrows(
        IllegalArgumentException.class,
        () -> oracles.add(new Oracle(OracleId.of("fast"), OracleRule.immediate())));
  }
}
