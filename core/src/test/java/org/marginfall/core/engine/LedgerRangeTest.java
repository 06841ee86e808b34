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
  void test_fit_isTheFinestPrecisionThatKeepsTheBoundWithin2To53Atoms() {
    // 9.22e18 / 1024 = 9.007e15 atoms (2^53): 1e5 ETH fits at 10 decimals (1e16 at 11 does not).
    assertEquals(10, LedgerRange.fit(1e5));
    // 6.5e12 LUNA (May 2022) fits at 3 decimals: 6.5e15 <= 9.007e15.
    assertEquals(3, LedgerRange.fit(6.5e12));
    // 1e13 units: 1e15 at 2 decimals fits, 1e16 at 3 does not.
    assertEquals(2, LedgerRange.fit(1e13));
    // 0.009 units fit in wei (9e15 atoms); 0.01 does not; 1e16 units fit nowhere.
    assertEquals(18, LedgerRange.fit(0.009));
    assertEquals(17, LedgerRange.fit(0.01));
    assertEquals(-1, LedgerRange.fit(1e16));
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
    LedgerRangeException e =
        assertThrows(
            LedgerRangeException.class,
            () -> LedgerRange.check(new LedgerRange.Supply(declared, 1e13, 0)));
    assertEquals(LUNA, e.asset());
    assertTrue(e.getMessage().contains("declare at most 2 decimals"), e.getMessage());
    // The same supply at 2 decimals passes.
    LedgerRange.check(new LedgerRange.Supply(declared.withDecimals(2), 1e13, 0));
  }
}
