package org.marginfall.experiments.contagion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.multivenue.CollateralArrived;
import org.marginfall.agents.multivenue.CollateralSent;
import org.marginfall.agents.multivenue.PoolTopUp;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.BadDebt;
import org.marginfall.protocols.perp.Liquidation;

/**
 * Acceptance of issue #4 for channels 3 and 4: in a scenario where only that channel connects two
 * perpetual venues (A lists ETH, B lists BTC, separate oracles, USD the only collateral, no price
 * impact), B shows a liquidation attributed to A through "collateral-withdrawal" with the channel
 * open, and none with it closed. Both venues: IMF 10%, MMF 5%, fee 1% capped at equity left.
 *
 * <p>Set-up (both scenarios): leg A deposits 1000 USD at 5x, 5000 / 3000 = 1.6667 ETH long; after
 * ETH −30% (step 5, price 2100) its PnL is −1.6667 × 900 = −1500, equity −500, MM 3500 × 5% = 175.
 */
class ChannelIsolationTest {

  private static final double TOL = 1e-9;
  private static final Cause FROM_A = new Cause("collateral-withdrawal", 1, "A");

  /**
   * Pool of 1000 USD, topUpBelow 1.05, targetHealth 1.5. Leg B: 1000 USD at 5x, 0.08333 BTC.
   *
   * <p>Open (share 1): at step 5 A needs 1.5 × 175 + 500 = 762.5, all from the common part, so
   * 762.5 is noted as diverted from B. At step 10 (BTC −25%, price 45,000) B has PnL −1250, equity
   * −250, MM 3750 × 5% = 187.5 and needs 1.5 × 187.5 + 250 = 531.25, but only 237.5 is left: equity
   * −12.5 < 187.5, liquidated with 12.5 bad debt. With the 762.5 added back B's equity would be 750
   * >= 187.5, so the exogenous move alone did not do it: generation 1, cause A.
   */
  @Test
  void test_sharedPool_openLiquidatesBAttributedToA() {
    ChannelRun r = ChannelRun.run("shared-pool-only.yaml", "sharedPool", true);
    List<PoolTopUp> topUps = r.of(PoolTopUp.class);
    assertEquals(2, topUps.size());
    assertEquals("A", topUps.get(0).venue());
    assertEquals(5, topUps.get(0).step());
    assertEquals(762.5, topUps.get(0).value(), TOL);
    assertEquals(762.5, topUps.get(0).sharedValue(), TOL);
    assertEquals("B", topUps.get(1).venue());
    assertEquals(237.5, topUps.get(1).value(), TOL);
    assertEquals(List.of(), r.liquidationsOn("A"));
    List<Liquidation> onB = r.liquidationsOn("B");
    assertEquals(1, onB.size());
    Liquidation b = onB.get(0);
    assertEquals(10, b.step());
    assertEquals(-12.5, b.equityBefore(), TOL);
    assertEquals(187.5, b.maintenanceBefore(), TOL);
    assertEquals(FROM_A, b.cause());
    BadDebt debt = r.of(BadDebt.class).get(0);
    assertEquals("B", debt.venue());
    assertEquals(12.5, debt.amount(), 1e-6);
    assertEquals(FROM_A, debt.cause());
  }

  /**
   * Closed (share 0): each leg owns a 500 slice. A gets 500 (equity 0 < 175) and is liquidated, by
   * the exogenous move alone; B's 500 slice is intact at step 10: equity −250 + 500 = 250 >= 187.5.
   */
  @Test
  void test_sharedPool_closedLeavesBUntouched() {
    ChannelRun r = ChannelRun.run("shared-pool-only.yaml", "sharedPool", false);
    List<PoolTopUp> topUps = r.of(PoolTopUp.class);
    assertEquals(2, topUps.size());
    assertEquals(500, topUps.get(0).value(), TOL);
    assertEquals(0, topUps.get(0).sharedValue(), 0);
    assertEquals("B", topUps.get(1).venue());
    assertEquals(500, topUps.get(1).value(), TOL);
    assertEquals(List.of(), r.liquidationsOn("B"));
    List<Liquidation> onA = r.liquidationsOn("A");
    assertEquals(1, onA.size());
    assertEquals(0.0, onA.get(0).equityBefore(), TOL);
    assertEquals(Cause.EXOGENOUS, onA.get(0).cause());
  }

  /**
   * Mover with keepHealth 1.5, defendBelow 1.1, targetHealth 1.3, latency 2. Leg B: 3000 USD at 2x,
   * 0.1 BTC; IM 600, MM 300, free = 3000 − max(1.5 × 300, 600) = 2400.
   *
   * <p>Open: at step 5 A (health −2.86) needs 1.3 × 175 + 500 = 727.5, sent from B and due at step
   * 7; A is liquidated meanwhile. At step 10 (BTC −40%, price 36,000) B has PnL −2400 and equity
   * 3000 − 727.5 − 2400 = −127.5 < MM 3600 × 5% = 180: liquidated with 127.5 bad debt. With the
   * 727.5 added back its equity would be 600 >= 180: generation 1, cause A.
   */
  @Test
  void test_collateralTransfer_openLiquidatesBAttributedToA() {
    ChannelRun r = ChannelRun.run("collateral-transfer-only.yaml", "collateralTransfer", true);
    CollateralSent sent = r.of(CollateralSent.class).get(0);
    assertEquals(5, sent.step());
    assertEquals("B", sent.venue());
    assertEquals("A", sent.toVenue());
    assertEquals(727.5, sent.amount(), TOL);
    assertEquals(7, sent.arrivalStep());
    CollateralArrived arrived = r.of(CollateralArrived.class).get(0);
    assertEquals(7, arrived.step());
    assertEquals(727.5, arrived.amount(), TOL);
    List<Liquidation> onA = r.liquidationsOn("A");
    assertEquals(1, onA.size());
    assertEquals(Cause.EXOGENOUS, onA.get(0).cause());
    List<Liquidation> onB = r.liquidationsOn("B");
    assertEquals(1, onB.size());
    Liquidation b = onB.get(0);
    assertEquals(10, b.step());
    assertEquals(-127.5, b.equityBefore(), TOL);
    assertEquals(180, b.maintenanceBefore(), TOL);
    assertEquals(FROM_A, b.cause());
  }

  /** Closed: nothing moves, B keeps its 3000 and after BTC −40% has 600 >= 180. */
  @Test
  void test_collateralTransfer_closedLeavesBUntouched() {
    ChannelRun r = ChannelRun.run("collateral-transfer-only.yaml", "collateralTransfer", false);
    assertEquals(List.of(), r.of(CollateralSent.class));
    assertEquals(List.of(), r.liquidationsOn("B"));
    assertEquals(1, r.liquidationsOn("A").size());
  }
}
