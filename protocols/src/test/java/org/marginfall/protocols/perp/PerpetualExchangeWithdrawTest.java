package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.VenueId;

/**
 * {@link PerpetualExchange#withdraw}: free collateral (equity − initial requirement, Hyperliquid's
 * Margining page) leaves the margin account; one atom more is refused and moves nothing. Terms: IMF
 * 10%, MMF 5%, ETH collateral at a 10% haircut, ETH 3000, BTC 60,000.
 */
class PerpetualExchangeWithdrawTest {

  private final VenueHarness h = new VenueHarness(3000, 60000);

  private PerpetualExchange venue() {
    return h.venue(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            ORACLE,
            MarginMode.CROSS,
            List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
            List.of(new CollateralTerms(ETH, 0.10)),
            0.01,
            0.5,
            600,
            1_000_000));
  }

  /** 10,000 USD and 1 ETH deposited, 1 BTC long: equity 10,000 + 3000 × 0.9 = 12,700, IM 6000. */
  private AccountId aliceLongOneBtc(PerpetualExchange v) {
    AccountId alice = h.fund("alice", 10_000, 1);
    AccountId a = v.marginAccount(alice, BTC);
    v.deposit(alice, a, USD, Precision.MICRO.atoms(10_000));
    v.deposit(alice, a, ETH, Precision.MICRO.atoms(1));
    v.open(a, BTC, 1);
    return a;
  }

  @Test
  void test_withdraw_freeCollateralExactlyToInitialMarginThenOneAtomMoreRefused() {
    PerpetualExchange v = venue();
    AccountId a = aliceLongOneBtc(v);
    AccountId alice = AccountId.of("alice");
    // IM = 1 × 60,000 × 0.10 = 6000; withdrawable = 12,700 − 6000 = 6700 USD.
    assertEquals(12_700, v.marginState(a).equity(), 1e-9);
    assertEquals(6_000, v.marginState(a).initialRequirement(), 1e-9);
    long[][] before = h.balances();
    // 6700 USD and one atom would leave 5999.999999 < 6000.
    assertThrows(
        IllegalStateException.class,
        () -> v.withdraw(a, USD, Precision.MICRO.atoms(6_700) + 1, alice));
    assertArrayEquals(before, h.balances());
    v.withdraw(a, USD, Precision.MICRO.atoms(6_700), alice);
    assertEquals(3_300, h.ledger.units(a, USD), 0);
    assertEquals(6_700, h.ledger.units(alice, USD), 0);
    assertEquals(6_000, v.marginState(a).equity(), 1e-9);
    h.assertBooksBalance(v);
    // At equity = IM nothing is free: even one atom of ETH (worth 0.0027 after haircut) is refused.
    long[][] atBoundary = h.balances();
    assertThrows(IllegalStateException.class, () -> v.withdraw(a, ETH, 1, alice));
    assertArrayEquals(atBoundary, h.balances());
    h.assertBooksBalance(v);
  }

  @Test
  void test_withdraw_haircutCollateralCountsAtItsHaircutValue() {
    PerpetualExchange v = venue();
    AccountId a = aliceLongOneBtc(v);
    AccountId alice = AccountId.of("alice");
    // 1 ETH counts 3000 × 0.9 = 2700; withdrawing it leaves 10,000 >= 6000.
    v.withdraw(a, ETH, Precision.MICRO.atoms(1), alice);
    assertEquals(10_000, v.marginState(a).equity(), 1e-9);
    assertEquals(1, h.ledger.units(alice, ETH), 0);
    // Now 4000 USD are free: 4000 passes, one more atom does not.
    long[][] before = h.balances();
    assertThrows(
        IllegalStateException.class,
        () -> v.withdraw(a, USD, Precision.MICRO.atoms(4_000) + 1, alice));
    assertArrayEquals(before, h.balances());
    v.withdraw(a, USD, Precision.MICRO.atoms(4_000), alice);
    assertEquals(6_000, v.marginState(a).equity(), 1e-9);
    h.assertBooksBalance(v);
  }

  @Test
  void test_withdraw_withoutPositionsTakesEverythingButNotMoreThanHeld() {
    PerpetualExchange v = venue();
    AccountId bob = h.fund("bob", 500, 0);
    AccountId a = v.marginAccount(bob, BTC);
    v.deposit(bob, a, USD, Precision.MICRO.atoms(500));
    long[][] before = h.balances();
    assertThrows(
        IllegalStateException.class, () -> v.withdraw(a, USD, Precision.MICRO.atoms(500) + 1, bob));
    assertArrayEquals(before, h.balances());
    assertThrows(IllegalArgumentException.class, () -> v.withdraw(a, USD, 0, bob));
    assertThrows(IllegalArgumentException.class, () -> v.withdraw(a, BTC, 1, bob));
    v.withdraw(a, USD, Precision.MICRO.atoms(500), bob);
    assertEquals(0, h.ledger.balance(a, USD));
    assertEquals(500, h.ledger.units(bob, USD), 0);
    h.assertBooksBalance(v);
  }
}
