package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueId;

/**
 * Liquidation rounds on the perpetual venue mark only what the screen lists: an account whose
 * prices moved less than its allowance keeps its last full mark's state (seen in its health), one
 * that moved more is marked again, and the list is exact at the hand-computed liquidation price.
 * Allowances: LiquidationScreenTest.
 */
class PerpetualScreenTest {

  private static final double MMF = 0.05;

  private static PerpetualExchange venue(VenueHarness h, MarginMode mode) {
    return h.venue(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            ORACLE,
            mode,
            List.of(new PerpMarket(ETH, 0.10, MMF), new PerpMarket(BTC, 0.10, MMF)),
            List.of(),
            0.01,
            0.5,
            1_000,
            1_000_000));
  }

  @Test
  void test_isolatedLong_skippedWithinAllowanceListedAtItsLiquidationPrice() {
    VenueHarness h = new VenueHarness(2_000, 50_000);
    PerpetualExchange v = venue(h, MarginMode.ISOLATED);
    AccountId alice = h.fund("alice", 200, 0);
    AccountId a = v.marginAccount(alice, ETH);
    v.deposit(alice, a, USD, Precision.MICRO.atoms(200));
    v.open(a, ETH, 1);
    v.markToMarket();
    // Equity 200, maintenance 0.05 × 2,000 = 100.
    assertArrayEquals(new double[] {2.0}, v.healthValues(), 1e-12);
    // 1.4% down is within the allowance of 1.43%: not marked, the health is the full mark's.
    h.setPrice(ETH, 1_972);
    v.markLiquidationCandidates();
    assertArrayEquals(new double[] {2.0}, v.healthValues(), 1e-12);
    assertEquals(List.of(), v.liquidatable());
    // 1.45% down: marked again, (200 - 29) / (0.05 × 1,971) = 1.7351598.
    h.setPrice(ETH, 1_971);
    v.markLiquidationCandidates();
    assertArrayEquals(new double[] {171 / 98.55}, v.healthValues(), 1e-12);
    // Liquidation price 1,800 / 0.95 = 1,894.74: not at 1,895 ((200 - 105) / 94.75 = 1.0026),
    // listed at 1,894 ((200 - 106) / 94.7 = 0.9926), by round marks alone.
    h.setPrice(ETH, 1_895);
    v.markLiquidationCandidates();
    assertEquals(List.of(), v.liquidatable());
    h.setPrice(ETH, 1_894);
    v.markLiquidationCandidates();
    List<LiquidationCandidate> listed = v.liquidatable();
    assertEquals(1, listed.size());
    assertEquals(a, listed.get(0).account());
    assertEquals(94 / 94.7, listed.get(0).state().health(), 1e-12);
  }

  @Test
  void test_crossAccount_anyMarketMovingPastTheAllowanceMarksIt() {
    VenueHarness h = new VenueHarness(2_000, 50_000);
    PerpetualExchange v = venue(h, MarginMode.CROSS);
    AccountId bob = h.fund("bob", 1_000, 0);
    AccountId a = v.marginAccount(bob, ETH);
    v.deposit(bob, a, USD, Precision.MICRO.atoms(1_000));
    v.open(a, ETH, 1);
    v.open(a, BTC, -0.02);
    v.markToMarket();
    // Equity 1,000, maintenance 100 + 50: health 6.6667; allowance 6.41%.
    assertArrayEquals(new double[] {1_000 / 150.0}, v.healthValues(), 1e-12);
    h.setPrice(ETH, 1_880);
    h.setPrice(BTC, 53_000);
    v.markLiquidationCandidates();
    assertArrayEquals(new double[] {1_000 / 150.0}, v.healthValues(), 1e-12);
    // BTC up 6.5% alone: (1,000 - 120 - 65) / (94 + 53.25) = 5.5348.
    h.setPrice(BTC, 53_250);
    v.markLiquidationCandidates();
    assertArrayEquals(new double[] {815 / 147.25}, v.healthValues(), 1e-12);
    // Its liquidation: equity 1,000 + (P - 2,000) - 65 = 0.05 P + 53.25 at P = 1,177.11.
    h.setPrice(ETH, 1_178);
    v.markLiquidationCandidates();
    assertEquals(List.of(), v.liquidatable());
    h.setPrice(ETH, 1_177);
    v.markLiquidationCandidates();
    assertEquals(1, v.liquidatable().size());
  }
}
