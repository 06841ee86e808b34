package org.marginfall.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.ledger.LedgerRangeException;

/** The precision a run chooses for an asset, and the refusal of one that does not fit. */
class LedgerRangeTest {

  private static final AssetId LUNA = AssetId.of("LUNA");

  @Test
  void test_fit_isTheFinestPrecisionWithSixteenfoldHeadroom() {
    // 9.22e18 / 16 = 5.76e17 atoms: 1e5 ETH fits at 12 decimals (1.6e18 at 13 does not).
    assertEquals(12, LedgerRange.fit(1e5));
    // 6.5e12 LUNA (May 2022) fits at 4 decimals: 6.5e16 * 16 = 1.04e18.
    assertEquals(4, LedgerRange.fit(6.5e12));
    // 1e13 units: 1e13 * 16 * 1e4 = 1.6e18 fits, 1e5 does not.
    assertEquals(4, LedgerRange.fit(1e13));
    // 0.5 units fit in wei; 1e18 units fit nowhere.
    assertEquals(18, LedgerRange.fit(0.5));
    assertEquals(-1, LedgerRange.fit(1e18));
  }

  @Test
  void test_cap_isSixForTheBaseCurrencyAndEighteenForTokens() {
    assertEquals(6, LedgerRange.cap(AssetKind.BASE));
    assertEquals(18, LedgerRange.cap(AssetKind.SPOT));
    assertEquals(18, LedgerRange.cap(AssetKind.DERIVED));
  }

  @Test
  void test_check_refusesADeclaredPrecisionThatDoesNotFitAndSaysWhatWould() {
    Asset declared = new Asset(LUNA, AssetKind.SPOT, 6);
    LedgerRangeException e = assertThrows(LedgerRangeException.class,
        () -> LedgerRange.check(new LedgerRange.Supply(declared, 1e13, 0)));
    assertEquals(LUNA, e.asset());
    assertTrue(e.getMessage().contains("declare at most 4 decimals"), e.getMessage());
    // The same supply at 4 decimals passes.
    LedgerRange.check(new LedgerRange.Supply(declared.withDecimals(4), 1e13, 0));
  }
}
