package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;

/**
 * Liquidation rounds on the CDP venue list unsafe vaults exactly when a full mark would, through
 * marks that look only at the vaults the screen lists: the hand-computed liquidation price of a
 * vault, and a vault whose debt grew without a price move. Allowance: LiquidationScreenTest.
 */
class CdpScreenTest {

  @Test
  void test_vault_listedAtItsLiquidationPriceByRoundMarksAlone() {
    CdpHarness h = new CdpHarness(2000);
    CdpVenue venue = h.venue(CdpHarness.spec(CdpHarness.ethIlk(), 1.0e8, 0));
    AccountId alice = h.fund("alice", 0, 10);
    AccountId vault = h.vault(venue, alice, 10, 13_000);
    venue.markToMarket();
    // Unsafe below 13,000 × 1.45 / 10 = 1,885.
    for (double p : new double[] {1_990, 1_960, 1_930, 1_900, 1_886}) {
      h.setPrice(p);
      venue.markLiquidationCandidates();
      assertEquals(List.of(), venue.liquidatable(), "at " + p);
    }
    h.setPrice(1_884);
    venue.markLiquidationCandidates();
    assertEquals(1, venue.liquidatable().size());
    assertEquals(vault, venue.liquidatable().get(0).account());
    assertEquals(18_840 / 18_850.0, venue.liquidatable().get(0).state().health(), 1e-12);
  }

  @Test
  void test_draw_marksTheVaultAgainWithoutAPriceMove() {
    CdpHarness h = new CdpHarness(2000);
    CdpVenue venue = h.venue(CdpHarness.spec(CdpHarness.ethIlk(), 1.0e8, 0));
    AccountId alice = h.fund("alice", 0, 10);
    AccountId vault = h.vault(venue, alice, 10, 13_000);
    h.setPrice(1_900);
    venue.markToMarket();
    assertEquals(List.of(), venue.liquidatable());
    // At 1,900 the full mark allows a move of cbrt(1 + 150 / 19,000) - 1 = 0.26%. Safe with 13,100
    // (19,000 >= 18,995); the price then falls 0.105% to 1,898: 18,980 < 18,995, listed because
    // the draw changed its books.
    venue.draw(vault, alice, h.atoms(CdpHarness.USD, 100));
    h.setPrice(1_898);
    venue.markLiquidationCandidates();
    assertEquals(1, venue.liquidatable().size());
  }
}
