package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueId;

/**
 * The perpetual venue's account book as columns: hand-computed trades on a row (average entry,
 * realised PnL, a flip), rows kept when the columns grow past their first capacity, and the mark
 * and health values read from the columns agreeing exactly with each account's margin state.
 */
class PerpAccountBookTest {

  @Test
  void test_applyTrade_averagesEntryRealisesTheReducedPartAndFlips() {
    Ledger ledger = new Ledger(VenueHarness.ASSETS);
    PerpAccountBook book = new PerpAccountBook(VenueId.of("perp"), ledger, 2);
    AccountId id = AccountId.of("perp", "accounts", "alice");
    ledger.open(id, AccountType.ORDINARY);
    MarginAccount a = book.open(id);
    // Long 2 at 100, then 2 more at 110: entry (200 + 220) / 4 = 105, nothing realised.
    assertEquals(0, book.applyTrade(a, 1, 2, 100));
    assertEquals(0, book.applyTrade(a, 1, 2, 110));
    assertEquals(105, a.entry(1));
    // Sell 1 at 120: realises 1 × (120 - 105) = 15, the entry stays.
    assertEquals(15, book.applyTrade(a, 1, -1, 120));
    assertEquals(3, a.size(1));
    assertEquals(105, a.entry(1));
    // Sell 4 at 90: closes 3 at a loss of 3 × 15 = 45 and opens a short of 1 at 90.
    assertEquals(-45, book.applyTrade(a, 1, -4, 90));
    assertEquals(-1, a.size(1));
    assertEquals(90, a.entry(1));
    assertTrue(book.opposite(1, 1).get(a.ordinal), "a short is opposite a long");
    assertFalse(book.opposite(1, -1).get(a.ordinal));
    assertTrue(book.indexAgrees(a, 0) && book.indexAgrees(a, 1));
    assertEquals(0, a.size(0));
  }

  @Test
  void test_columnsGrow_rowsKeepTheirPositionsAndState() {
    Ledger ledger = new Ledger(VenueHarness.ASSETS);
    PerpAccountBook book = new PerpAccountBook(VenueId.of("perp"), ledger, 2);
    List<MarginAccount> opened = new ArrayList<>();
    // 40 accounts: the columns start at 16 rows and grow twice.
    for (int j = 0; j < 40; j++) {
      AccountId id = AccountId.of("perp", "accounts", "owner" + j);
      ledger.open(id, AccountType.ORDINARY);
      MarginAccount a = book.open(id);
      book.applyTrade(a, j % 2, j + 1, 1_000 + j);
      book.setState(a.ordinal, j, 2 * j, 3 * j);
      opened.add(a);
    }
    assertEquals(40, book.size());
    for (int j = 0; j < 40; j++) {
      MarginAccount a = opened.get(j);
      assertEquals(j, a.ordinal);
      assertEquals(a, book.byOrdinal(j));
      assertEquals(a, book.get(a.id));
      assertEquals(ledger.indexOf(a.id), book.slotColumn()[j]);
      assertEquals(j + 1, a.size(j % 2));
      assertEquals(0, a.size(1 - j % 2));
      assertEquals(1_000 + j, a.entry(j % 2));
      assertEquals(j, a.state().equity());
      assertEquals(3 * j, a.state().maintenanceRequirement());
      assertEquals(MarginAccount.NEVER, a.partialAt());
    }
  }

  /**
   * 60 isolated longs of s = (j + 1) / 61 ETH at 2,000 (initial margin 5%, maintenance 2.5%), each
   * with 100 USD. At 1,900 account j has equity 100 - 100 s and maintenance 0.025 × 1,900 s = 47.5
   * s: liquidatable when s > 100 / 147.5 = 0.678, j + 1 > 41.4, so the 19 accounts j + 1 = 42 … 60,
   * the largest most underwater.
   */
  @Test
  void test_markOverTheColumns_healthValuesAndListAsEachAccountsState() {
    VenueHarness h = new VenueHarness(2_000, 50_000);
    PerpetualExchange v =
        h.venue(
            new PerpetualVenueSpec(
                VenueId.of("perp"),
                ORACLE,
                MarginMode.ISOLATED,
                List.of(new PerpMarket(ETH, 0.05, 0.025)),
                List.of(),
                0.01,
                0.5,
                1_000,
                1_000_000));
    List<AccountId> accounts = new ArrayList<>();
    for (int j = 0; j < 60; j++) {
      AccountId owner = h.fund("owner" + j, 100, 0);
      AccountId a = v.marginAccount(owner, ETH);
      v.deposit(owner, a, USD, Precision.MICRO.atoms(100));
      v.open(a, ETH, (j + 1) / 61.0);
      accounts.add(a);
    }
    h.setPrice(ETH, 1_900);
    v.markToMarket();
    double[] health = v.healthValues();
    assertEquals(60, health.length);
    for (int j = 0; j < 60; j++) {
      double size = (j + 1) / 61.0;
      double hand = (100 - 100 * size) / (47.5 * size);
      assertEquals(hand, health[j], 1e-12 * Math.abs(hand));
      // Bit for bit the health of the state a single account's query computes.
      assertEquals(v.marginState(accounts.get(j)).health(), health[j]);
    }
    List<LiquidationCandidate> listed = v.liquidatable();
    assertEquals(19, listed.size());
    assertEquals(accounts.get(59), listed.get(0).account());
    assertEquals(accounts.get(41), listed.get(18).account());
    assertEquals(v.marginState(accounts.get(59)), listed.get(0).state());
  }
}
