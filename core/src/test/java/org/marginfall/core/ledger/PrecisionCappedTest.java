package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

/**
 * Conversions capped by what is held: an amount only ever limited by a balance (the units of
 * collateral to sell for a shortfall at a price that collapsed) is that balance, not a range
 * failure.
 */
class PrecisionCappedTest {

  private static final Precision ETH = Precision.of(AssetId.of("ETH"), 9);

  @Test
  void test_ceilAtomsAtMost_inRangeIsMinOfTheConversionAndTheCap() {
    assertEquals(1_500_000_000L, ETH.ceilAtomsAtMost(1.5, 2_000_000_000L));
    assertEquals(2_000_000_000L, ETH.ceilAtomsAtMost(2.5, 2_000_000_000L));
    assertEquals(1_000_000_001L, ETH.ceilAtomsAtMost(1.0000000001, 5_000_000_000L));
    assertEquals(1_000_000_000L, ETH.floorAtomsAtMost(1.0000000009, 5_000_000_000L));
  }

  @Test
  void test_ceilAtomsAtMost_beyondTheRangeIsTheCap() {
    // 2.3e9 ETH is the most one conversion at 9 decimals takes; 1.27e15 ETH is what a flash crash
    // asked for (a shortfall over a price near zero): the account only holds 3 ETH.
    assertThrows(LedgerRangeException.class, () -> ETH.ceilAtoms(1.27e15));
    assertEquals(3_000_000_000L, ETH.ceilAtomsAtMost(1.27e15, 3_000_000_000L));
    assertEquals(3_000_000_000L, ETH.floorAtomsAtMost(Double.POSITIVE_INFINITY, 3_000_000_000L));
  }

  @Test
  void test_ceilAtomsAtMost_notANumberIsStillARangeFailure() {
    assertThrows(LedgerRangeException.class, () -> ETH.ceilAtomsAtMost(Double.NaN, 3));
    assertThrows(LedgerRangeException.class, () -> ETH.floorAtomsAtMost(-1e300, 3));
  }
}
