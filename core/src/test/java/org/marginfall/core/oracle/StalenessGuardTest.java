package org.marginfall.core.oracle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

/** When a venue treats a feed as stale, and what it then does. */
class StalenessGuardTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final OracleId FEED = OracleId.of("feed");

  /** An oracle that published ETH at step 0 and, with a huge heartbeat, never again. */
  private static Oracles publishedAtZero() {
    Oracles oracles = new Oracles(USD);
    Oracle o = new Oracle(FEED, new OracleRule(0, 1_000_000, 1.0));
    o.addFeed(ETH, 3000);
    oracles.add(o);
    return oracles;
  }

  @Test
  void test_stale_whenOlderThanTheLimit() {
    Oracles oracles = publishedAtZero();
    StalenessGuard guard = new StalenessGuard(5, StalenessGuard.Action.PAUSE);
    // Published at step 0: age 5 at step 5 is still acceptable, age 6 at step 6 is not.
    assertFalse(guard.stale(oracles, FEED, List.of(ETH), 5));
    assertTrue(guard.stale(oracles, FEED, List.of(ETH), 6));
    assertTrue(guard.pauses(oracles, FEED, List.of(ETH), 6));
    // The base currency is never stale.
    assertFalse(guard.stale(oracles, FEED, List.of(USD), 1_000));
  }

  @Test
  void test_pauses_onlyWithThePauseActionAndALimit() {
    Oracles oracles = publishedAtZero();
    assertTrue(
        new StalenessGuard(5, StalenessGuard.Action.IGNORE).stale(oracles, FEED, List.of(ETH), 6));
    assertFalse(
        new StalenessGuard(5, StalenessGuard.Action.IGNORE).pauses(oracles, FEED, List.of(ETH), 6));
    assertFalse(StalenessGuard.OFF.pauses(oracles, FEED, List.of(ETH), 1_000_000));
  }
}
