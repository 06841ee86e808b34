package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.cdp.CdpHarness.ETH;

import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationCandidate;

/**
 * {@link CdpVenue#expectedLiquidatorReward}: the keeper incentive {@code tip + chip * tab} a bark
 * would pay, on CdpVenueTest's vault (10 ETH, 13,000 drawn; tip 300, chip 0.1%, chop 1.13).
 */
class CdpRewardEstimateTest {

  @Test
  void test_expectedLiquidatorReward_tipPlusChipTimesTab() {
    CdpHarness h = new CdpHarness(2000);
    CdpVenue venue = h.venue(CdpHarness.spec(CdpHarness.ethIlk(), 1.0e8, 0));
    AccountId vault = h.vault(venue, h.fund("alice", 0, 10), 10, 13_000);
    LiquidationCandidate safe = new LiquidationCandidate(venue.id(), vault, null);
    // 20,000 >= 13,000 × 1.45 = 18,850: safe, no bark, no incentive
    assertEquals(0, venue.expectedLiquidatorReward(safe), 0);

    h.setPrice(1800);
    venue.markToMarket();
    LiquidationCandidate c = venue.liquidatable().get(0);
    // 18,000 < 18,850: tab = 13,000 × 1.13 = 14,690, coin = 300 + 0.001 × 14,690 = 314.69
    long[][] before = h.balances();
    assertEquals(314.69, venue.expectedLiquidatorReward(c), 1e-6);
    assertArrayEquals(before, h.balances(), "asking moves nothing");
    AccountId keeper = h.fund("keeper", 0, 0);
    assertEquals(314.69, venue.liquidate(vault, keeper).orElseThrow().feeToLiquidator(), 1e-6);
    // barked: nothing left to bark
    assertEquals(0, venue.expectedLiquidatorReward(c), 0);
  }

  @Test
  void test_expectedLiquidatorReward_zeroWithoutIncentive() {
    CdpIlk e = CdpHarness.ethIlk();
    CdpIlk noIncentive =
        new CdpIlk(
            ETH,
            e.mat(),
            0,
            e.dust(),
            e.chop(),
            e.hole(),
            e.buf(),
            e.tail(),
            e.cusp(),
            0,
            0,
            e.abacus());
    CdpHarness h = new CdpHarness(2000);
    CdpVenue venue = h.venue(CdpHarness.spec(noIncentive, 1.0e8, 0));
    h.vault(venue, h.fund("alice", 0, 10), 10, 13_000);
    h.setPrice(1800);
    venue.markToMarket();
    assertEquals(0, venue.expectedLiquidatorReward(venue.liquidatable().get(0)), 0);
  }
}
