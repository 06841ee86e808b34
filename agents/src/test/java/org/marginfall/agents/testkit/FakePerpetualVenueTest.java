package org.marginfall.agents.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.MarginState;

/** Pins the fake venue's formulas, so agent tests built on it rest on hand-checked numbers. */
class FakePerpetualVenueTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AccountId OWNER = AccountId.of("alice");
  private static final double EPS = 1e-9;

  private static FakePerpetualVenue venue(Ledger ledger, boolean isolated) {
    return new FakePerpetualVenue("perp-a", isolated, ledger, USD)
        .market(ETH, 2000, 0.1, 0.05)
        .collateral(ETH, 0.1);
  }

  @Test
  void test_marginState_equityIsHaircutCollateralPlusUnrealisedPnl() {
    Ledger ledger = new Ledger(List.of(USD, ETH));
    FakePerpetualVenue venue = venue(ledger, false);
    ledger.open(OWNER, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, OWNER, ETH, 1_000_000);
    ledger.transfer(Ledger.EXTERNAL, OWNER, USD, 500_000_000);
    AccountId acc = venue.marginAccount(OWNER, ETH);
    venue.deposit(OWNER, acc, ETH, 1_000_000);
    venue.deposit(OWNER, acc, USD, 500_000_000);
    venue.open(acc, ETH, 3.0);
    // equity = 1 ETH * 2000 * 0.9 + 500 = 2300; IMR = 3 * 2000 * 0.1 = 600; MMR = 300.
    MarginState s = venue.marginState(acc);
    assertEquals(2300, s.equity(), EPS);
    assertEquals(600, s.initialRequirement(), EPS);
    assertEquals(300, s.maintenanceRequirement(), EPS);
    venue.setMark(ETH, 1900);
    // equity = 1 * 1900 * 0.9 + 500 + 3 * (1900 - 2000) = 1710 + 500 - 300 = 1910; MMR = 3 * 1900 *
    // 0.05 = 285.
    s = venue.marginState(acc);
    assertEquals(1910, s.equity(), EPS);
    assertEquals(285, s.maintenanceRequirement(), EPS);
    assertEquals("perp-a/accounts/alice", acc.value());
  }

  @Test
  void test_open_rejectsInitialMarginBreachAndKeepsThePosition() {
    Ledger ledger = new Ledger(List.of(USD, ETH));
    FakePerpetualVenue venue = venue(ledger, true);
    ledger.open(OWNER, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, OWNER, USD, 1_000_000_000);
    AccountId acc = venue.marginAccount(OWNER, ETH);
    assertEquals("perp-a/accounts/alice/ETH", acc.value());
    venue.deposit(OWNER, acc, USD, 1_000_000_000);
    // 1000 USD at IMF 0.1 carries at most 10,000 notional = 5 ETH at 2000.
    venue.open(acc, ETH, 5.0);
    assertThrows(IllegalStateException.class, () -> venue.open(acc, ETH, 0.001));
    assertEquals(5.0, venue.size(acc, ETH), 0.0);
  }

  @Test
  void test_liquidate_sellsConfiguredCollateralAtMarkOnlyWhenBelowMaintenance() {
    Ledger ledger = new Ledger(List.of(USD, ETH));
    FakePerpetualVenue venue = venue(ledger, false);
    AccountId keeper = AccountId.of("keeper");
    ledger.open(OWNER, AccountType.ORDINARY);
    ledger.open(keeper, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, OWNER, ETH, 1_000_000);
    ledger.transfer(Ledger.EXTERNAL, keeper, USD, 5_000_000_000L);
    AccountId acc = venue.marginAccount(OWNER, ETH);
    venue.deposit(OWNER, acc, ETH, 1_000_000);
    venue.open(acc, ETH, 8.0); // IMR 8 * 2000 * 0.1 = 1600 <= equity 1800
    venue.acquiredPerLiquidation(List.of(new Holding(ETH, 1_000_000)));
    assertTrue(venue.liquidate(acc, keeper).isEmpty(), "healthy account");
    venue.setMark(ETH, 1800);
    // equity = 1 * 1800 * 0.9 + 8 * (1800 - 2000) = 1620 - 1600 = 20 < MMR = 8 * 1800 * 0.05 = 720.
    var out = venue.liquidate(acc, keeper).orElseThrow();
    assertEquals(List.of(new Holding(ETH, 1_000_000)), out.acquired());
    assertEquals(1800.0, out.baseSpent(), 0.0);
    assertEquals(5_000_000_000L - 1_800_000_000L, ledger.balance(keeper, USD));
    assertEquals(1_000_000, ledger.balance(keeper, ETH));
    assertFalse(venue.marginState(acc).liquidatable(), "positions are closed");
    assertTrue(ledger.audit().isEmpty());
  }
}
