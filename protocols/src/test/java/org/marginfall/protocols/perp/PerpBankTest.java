package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A perpetual venue's lending book (Mango v3's borrowing against health with unrealised perp PnL,
 * mango-docs mango-v3/overview.md), hand-computed. Terms: IMF 20%, MMF 10%, 1% liquidation fee,
 * insurance fund 600, lenders' book 100,000 USD. Alice deposits 10,000 USD and buys 10 ETH-PERP at
 * 3000 (notional 30,000); ETH then goes to 4500: unrealised PnL 15,000, equity 25,000, initial
 * requirement 0.2 × 45,000 = 9000.
 */
class PerpBankTest {

  private static final AccountId BANK = AccountId.of("perp/bank");
  private final VenueHarness h = new VenueHarness(3000, 60000);

  private PerpetualExchange venue(double lendable, double pnlWeight) {
    return h.venue(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            ORACLE,
            MarginMode.CROSS,
            List.of(new PerpMarket(ETH, 0.20, 0.10), new PerpMarket(BTC, 0.20, 0.10)),
            List.of(),
            0.01,
            0.5,
            600,
            1_000_000,
            LiquidationTerms.FULL,
            Optional.empty(),
            DeleveragingTerms.NONE,
            PricingTerms.DEFAULT,
            Optional.empty(),
            Optional.of(new BorrowTerms(lendable, pnlWeight))));
  }

  private AccountId aliceLongTenEthAt4500(PerpetualExchange v) {
    AccountId alice = h.fund("alice", 10_000, 0);
    AccountId a = v.marginAccount(alice, ETH);
    v.deposit(alice, a, USD, Precision.MICRO.atoms(10_000));
    v.open(a, ETH, 10);
    h.setPrice(ETH, 4500);
    return a;
  }

  @Test
  void test_borrow_positivePnlCountsInFullUpToInitialHealthThenOneAtomMoreRefused() {
    PerpetualExchange v = venue(100_000, 1.0);
    AccountId a = aliceLongTenEthAt4500(v);
    AccountId alice = AccountId.of("alice");
    // Room = equity − IMR = 25,000 − 9000 = 16,000: more than the 10,000 deposited.
    assertEquals(16_000, v.borrowable(a), 1e-6);
    long[][] before = h.balances();
    assertThrows(
        IllegalStateException.class, () -> v.borrow(a, Precision.MICRO.atoms(16_000) + 1, alice));
    assertArrayEquals(before, h.balances());
    v.borrow(a, Precision.MICRO.atoms(16_000), alice);
    assertEquals(16_000, h.ledger.units(alice, USD), 0);
    assertEquals(84_000, h.ledger.units(BANK, USD), 0);
    assertEquals(16_000, v.borrowed(a), 0);
    // The loan is a liability: equity 25,000 − 16,000 = 9000 = IMR; nothing more to borrow.
    assertEquals(9_000, v.marginState(a).equity(), 1e-6);
    assertEquals(0, v.borrowable(a), 1e-6);
    PnlBorrow e = h.eventsOf(PnlBorrow.class).get(0);
    assertEquals(15_000, e.unrealisedPnl(), 1e-6);
    assertEquals(84_000, e.bookLeft(), 0);
    VenueSnapshot s = v.snapshot();
    assertEquals(16_000, s.extras().get("borrowed"), 0);
    assertEquals(0, s.extras().get("borrowShortfall"), 0);
    h.assertBooksBalance(v);
  }

  @Test
  void test_borrowable_pnlWeightDiscountsPositivePnlAndTheBookCaps() {
    // Half weight: 25,000 − 9000 − 0.5 × 15,000 = 8500.
    assertEquals(8_500, room(100_000, 0.5), 1e-6);
    // Weight 0 (Mango v4's overallAssetWeight for untrusted markets): only 25,000 − 9000 − 15,000 =
    // 1000.
    assertEquals(1_000, room(100_000, 0.0), 1e-6);
    // A book of 5000 lends at most 5000, however large the room.
    assertEquals(5_000, room(5_000, 1.0), 1e-6);
  }

  /** Alice's borrowing room at 4500 on a fresh venue with the given book. */
  private static double room(double lendable, double pnlWeight) {
    PerpBankTest t = new PerpBankTest();
    PerpetualExchange v = t.venue(lendable, pnlWeight);
    return v.borrowable(t.aliceLongTenEthAt4500(v));
  }

  @Test
  void test_liquidation_ofAClosedBorrowerRepaysTheBookFromInsuranceThenBadDebt() {
    PerpetualExchange v = venue(100_000, 1.0);
    AccountId a = aliceLongTenEthAt4500(v);
    v.borrow(a, Precision.MICRO.atoms(16_000), AccountId.of("alice"));
    // Back to 3000: equity 10,000 + 0 − 16,000 = −6000, the lenders' uncovered loan.
    h.setPrice(ETH, 3000);
    v.markToMarket();
    assertEquals(6_000, v.snapshot().extras().get("borrowShortfall"), 1e-6);
    AccountId keeper = h.fund("keeper", 0, 0);
    assertTrue(v.liquidate(a, keeper).isPresent());
    // The close realises 0 and no fee is left to charge; the 10,000 USD held repays part of the
    // 16,000 loan, the insurance fund its 600, and 5400 is bad debt: the book is whole again.
    VenueSnapshot s = v.snapshot();
    assertEquals(600, s.insurancePaid(), 1e-6);
    assertEquals(5_400, s.badDebt(), 1e-6);
    assertEquals(100_000, h.ledger.units(BANK, USD), 0);
    assertEquals(0, v.borrowed(a), 0);
    assertEquals(0, s.extras().get("borrowed"), 0);
    h.assertBooksBalance(v);
  }
}
