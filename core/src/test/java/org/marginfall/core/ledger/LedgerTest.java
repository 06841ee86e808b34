package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

class LedgerTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AccountId ALICE = AccountId.of("traders", "alice");
  private static final AccountId BOB = AccountId.of("traders", "bob");
  private static final AccountId POOL = AccountId.of("perp-a", "pool");
  private static final AccountId SINK = AccountId.of("market", "ETH");

  /** Seed of the random transfer sequence; fixed so the test is deterministic. */
  private static final long RANDOM_SEED = 424242L;

  private static final int RANDOM_TRANSFERS = 20_000;

  private static Ledger ledgerWithTraders() {
    Ledger ledger = new Ledger(List.of(USD, ETH));
    ledger.open(ALICE, AccountType.ORDINARY);
    ledger.open(BOB, AccountType.ORDINARY);
    return ledger;
  }

  @Test
  void test_transfer_movesExactAtoms() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, 1_000_000_007L);
    ledger.transfer(ALICE, BOB, USD, 333_333_334L);

    // 1_000_000_007 - 333_333_334 = 666_666_673
    assertEquals(666_666_673L, ledger.balance(ALICE, USD));
    assertEquals(333_333_334L, ledger.balance(BOB, USD));
    assertEquals(-1_000_000_007L, ledger.balance(Ledger.EXTERNAL, USD));
    assertEquals(0L, ledger.balance(ALICE, ETH));
    assertEquals(2L, ledger.transferCount());
    // units are atoms / 10^6
    assertEquals(666.666673, ledger.units(ALICE, USD), 1e-12);
  }

  @Test
  void test_transfer_endowmentLeavesExternalNegativeAndTotalZero() {
    Ledger ledger = ledgerWithTraders();
    assertEquals(0L, ledger.balance(Ledger.EXTERNAL, ETH));
    ledger.transfer(Ledger.EXTERNAL, ALICE, ETH, 5_000_000L);
    ledger.transfer(Ledger.EXTERNAL, BOB, ETH, 2_500_000L);

    assertEquals(-7_500_000L, ledger.balance(Ledger.EXTERNAL, ETH));
    assertEquals(0L, ledger.total(ETH));
    assertEquals(0L, ledger.total(USD));
    assertTrue(ledger.audit().isEmpty());
  }

  @Test
  void test_transfer_ordinaryOverdraftThrowsAndLeavesBalancesUnchanged() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, 100L);
    long count = ledger.transferCount();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ledger.transfer(ALICE, BOB, USD, 101L));

    assertTrue(e.getMessage().contains("traders/alice"), e.getMessage());
    assertEquals(100L, ledger.balance(ALICE, USD));
    assertEquals(0L, ledger.balance(BOB, USD));
    assertEquals(-100L, ledger.balance(Ledger.EXTERNAL, USD));
    assertEquals(count, ledger.transferCount());
    assertTrue(ledger.audit().isEmpty());
  }

  @Test
  void test_transfer_ordinaryCanSendItsWholeBalance() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, 100L);
    ledger.transfer(ALICE, BOB, USD, 100L);
    assertEquals(0L, ledger.balance(ALICE, USD));
    assertEquals(100L, ledger.balance(BOB, USD));
  }

  @Test
  void test_transfer_externalAccountsMayGoNegative() {
    Ledger ledger = ledgerWithTraders();
    ledger.open(SINK, AccountType.EXTERNAL);
    ledger.transfer(SINK, ALICE, USD, 250L);
    assertEquals(-250L, ledger.balance(SINK, USD));
    assertEquals(250L, ledger.balance(ALICE, USD));
    assertTrue(ledger.audit().isEmpty());
  }

  @Test
  void test_transfer_negativeQuantityRejected() {
    Ledger ledger = ledgerWithTraders();
    assertThrows(
        IllegalArgumentException.class, () -> ledger.transfer(Ledger.EXTERNAL, ALICE, USD, -1L));
    assertEquals(0L, ledger.balance(ALICE, USD));
  }

  @Test
  void test_transfer_zeroIsNoOpAndNotCounted() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(ALICE, BOB, USD, 0L);
    assertEquals(0L, ledger.transferCount());
    assertEquals(0L, ledger.balance(ALICE, USD));
  }

  @Test
  void test_transfer_unknownAccountOrAssetRejected() {
    Ledger ledger = ledgerWithTraders();
    AccountId stranger = AccountId.of("nobody");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ledger.transfer(Ledger.EXTERNAL, stranger, USD, 1L));
    assertTrue(e.getMessage().contains("unknown account nobody"), e.getMessage());
    IllegalArgumentException a =
        assertThrows(
            IllegalArgumentException.class,
            () -> ledger.transfer(Ledger.EXTERNAL, ALICE, AssetId.of("BTC"), 1L));
    assertTrue(a.getMessage().contains("unknown asset BTC"), a.getMessage());
    assertEquals(0L, ledger.balance(Ledger.EXTERNAL, USD));
  }

  @Test
  void test_transfer_overflowThrowsInsteadOfWrapping() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, Long.MAX_VALUE);
    // EXTERNAL is at -Long.MAX_VALUE; one more atom reaches Long.MIN_VALUE, a second overflows.
    ledger.transfer(Ledger.EXTERNAL, BOB, USD, 1L);
    assertThrows(ArithmeticException.class, () -> ledger.transfer(Ledger.EXTERNAL, BOB, USD, 1L));
    assertEquals(Long.MIN_VALUE, ledger.balance(Ledger.EXTERNAL, USD));
    assertEquals(1L, ledger.balance(BOB, USD));
  }

  @Test
  void test_transfer_overflowOnReceivingSideLeavesBothBalancesUnchanged() {
    Ledger ledger = ledgerWithTraders();
    ledger.open(SINK, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, Long.MAX_VALUE);
    // SINK can pay (it is external), but ALICE cannot receive: Long.MAX_VALUE + 1 overflows.
    assertThrows(ArithmeticException.class, () -> ledger.transfer(SINK, ALICE, USD, 1L));
    assertEquals(0L, ledger.balance(SINK, USD));
    assertEquals(Long.MAX_VALUE, ledger.balance(ALICE, USD));
    assertTrue(ledger.audit().isEmpty(), () -> String.join("; ", ledger.audit()));
  }

  @Test
  void test_transfer_toItselfChangesNothing() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, 70L);
    ledger.transfer(ALICE, ALICE, USD, 70L);
    assertEquals(70L, ledger.balance(ALICE, USD));
    // still an overdraft check: ALICE cannot "send" more than it holds, even to itself
    assertThrows(IllegalStateException.class, () -> ledger.transfer(ALICE, ALICE, USD, 71L));
    assertEquals(70L, ledger.balance(ALICE, USD));
  }

  @Test
  void test_open_sameTypeIsNoOpOtherTypeRejected() {
    Ledger ledger = ledgerWithTraders();
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, 5L);
    ledger.open(ALICE, AccountType.ORDINARY);
    assertEquals(5L, ledger.balance(ALICE, USD));
    assertThrows(IllegalStateException.class, () -> ledger.open(ALICE, AccountType.EXTERNAL));
    assertThrows(
        IllegalStateException.class, () -> ledger.open(Ledger.EXTERNAL, AccountType.ORDINARY));
  }

  @Test
  void test_open_manyAccountsKeepEarlierBalances() {
    // The balance columns start with room for 16 accounts and grow; growing must copy old balances.
    Ledger ledger = new Ledger(List.of(USD, ETH));
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      AccountId id = AccountId.of("traders", "t" + i);
      ids.add(id);
      ledger.open(id, AccountType.ORDINARY);
      ledger.transfer(Ledger.EXTERNAL, id, USD, i + 1L);
      ledger.transfer(Ledger.EXTERNAL, id, ETH, 2L * (i + 1));
    }
    for (int i = 0; i < 100; i++) {
      assertEquals(i + 1L, ledger.balance(ids.get(i), USD));
      assertEquals(2L * (i + 1), ledger.balance(ids.get(i), ETH));
    }
    // sum 1..100 = 5050
    assertEquals(-5050L, ledger.balance(Ledger.EXTERNAL, USD));
    assertEquals(-10_100L, ledger.balance(Ledger.EXTERNAL, ETH));
    assertEquals(101, ledger.accounts().size());
    assertEquals(Ledger.EXTERNAL, ledger.accounts().get(0));
  }

  @Test
  void test_totalUnder_sumsAccountsBelowPrefixOnly() {
    Ledger ledger = ledgerWithTraders();
    AccountId traderish = AccountId.of("tradersX");
    ledger.open(traderish, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, ALICE, USD, 10L);
    ledger.transfer(Ledger.EXTERNAL, BOB, USD, 20L);
    ledger.transfer(Ledger.EXTERNAL, traderish, USD, 400L);
    // "tradersX" starts with "traders" but is not under "traders/": 10 + 20 only.
    assertEquals(30L, ledger.totalUnder("traders", USD));
    assertEquals(10L, ledger.totalUnder("traders/alice", USD));
  }

  @Test
  void test_audit_emptyAfterLongRandomSequenceOfValidTransfers() {
    Ledger ledger = ledgerWithTraders();
    ledger.open(POOL, AccountType.ORDINARY);
    ledger.open(SINK, AccountType.EXTERNAL);
    List<AccountId> accounts = List.of(Ledger.EXTERNAL, ALICE, BOB, POOL, SINK);
    List<AssetId> assets = List.of(USD, ETH);
    Random random = new Random(RANDOM_SEED);
    long[][] expected = new long[assets.size()][accounts.size()];
    int rejected = 0;
    for (int n = 0; n < RANDOM_TRANSFERS; n++) {
      int a = random.nextInt(assets.size());
      int from = random.nextInt(accounts.size());
      int to = random.nextInt(accounts.size());
      long atoms = random.nextInt(1_000_000);
      boolean ordinary = from >= 1 && from <= 3;
      if (ordinary && expected[a][from] < atoms) {
        // an overdraft must be refused without effect
        int af = a;
        int ff = from;
        int ft = to;
        assertThrows(
            IllegalStateException.class,
            () -> ledger.transfer(accounts.get(ff), accounts.get(ft), assets.get(af), atoms));
        rejected++;
        continue;
      }
      ledger.transfer(accounts.get(from), accounts.get(to), assets.get(a), atoms);
      expected[a][from] -= atoms;
      expected[a][to] += atoms;
    }
    assertTrue(ledger.audit().isEmpty(), () -> String.join("; ", ledger.audit()));
    for (int a = 0; a < assets.size(); a++) {
      assertEquals(0L, ledger.total(assets.get(a)));
      for (int i = 0; i < accounts.size(); i++) {
        assertEquals(expected[a][i], ledger.balance(accounts.get(i), assets.get(a)));
        if (i >= 1 && i <= 3) {
          assertTrue(ledger.balance(accounts.get(i), assets.get(a)) >= 0);
        }
      }
    }
    // the sequence exercised both branches
    assertTrue(rejected > 100, "rejected " + rejected);
    assertTrue(ledger.transferCount() > RANDOM_TRANSFERS / 2);
  }

  @Test
  void test_constructor_duplicateAssetRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Ledger(List.of(USD, ETH, USD)));
  }

  @Test
  void test_isOpen_externalOpenFromTheStart() {
    Ledger ledger = new Ledger(List.of(USD));
    assertTrue(ledger.isOpen(Ledger.EXTERNAL));
    assertFalse(ledger.isOpen(ALICE));
  }

  @Test
  void test_precision_eachAssetCountsAtItsOwnDecimals() {
    Ledger ledger = new Ledger(List.of(USD, ETH), List.of(6, 18));
    AccountId a = AccountId.of("a");
    ledger.open(a, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, a, ETH, ledger.precision(ETH).floorAtoms(1.5));
    ledger.transfer(Ledger.EXTERNAL, a, USD, ledger.precision(USD).floorAtoms(1.5));
    // 1.5 ETH is 1.5e18 wei; 1.5 USD is 1.5e6 micro-dollars.
    assertEquals(1_500_000_000_000_000_000L, ledger.balance(a, ETH));
    assertEquals(1_500_000L, ledger.balance(a, USD));
    assertEquals(1.5, ledger.units(a, ETH), 0.0);
    assertEquals(1.5, ledger.units(a, USD), 0.0);
    assertEquals(1_500_000_000_000_000_000L, ledger.supply(ETH));
    assertTrue(ledger.audit().isEmpty());
  }

  @Test
  void test_transfer_beyondTheRangeNamesTheAssetAndLeavesBalancesUnchanged() {
    Ledger ledger = new Ledger(List.of(USD, ETH), List.of(6, 18));
    AccountId a = AccountId.of("a");
    ledger.open(a, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, a, ETH, Long.MAX_VALUE - 10);
    // Eleven more atoms would take a past Long.MAX_VALUE.
    LedgerRangeException e =
        assertThrows(
            LedgerRangeException.class, () -> ledger.transfer(Ledger.EXTERNAL, a, ETH, 11));
    assertEquals(ETH, e.asset());
    assertEquals(18, e.decimals());
    assertEquals(Long.MAX_VALUE - 10, ledger.balance(a, ETH));
    assertEquals(-(Long.MAX_VALUE - 10), ledger.balance(Ledger.EXTERNAL, ETH));
    assertTrue(ledger.audit().isEmpty());
    // The refusal of an overdraft speaks in units of the asset, not atoms.
    IllegalStateException over =
        assertThrows(
            IllegalStateException.class, () -> ledger.transfer(a, Ledger.EXTERNAL, USD, 1_000_000));
    assertEquals("ledger: a holds 0.0 USD, cannot send 1.0", over.getMessage());
  }
}
