package org.marginfall.protocols.perp;

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
import org.marginfall.core.venue.HeldPosition;
import org.marginfall.core.venue.VenueId;

/**
 * {@link PerpetualExchange#discard}: the last margin account opened, empty, leaves the venue; any
 * other is refused. Terms: IMF 10%, MMF 5%, ETH 3000, BTC 60,000, isolated margin.
 */
class PerpetualExchangeDiscardTest {

  private final VenueHarness h = new VenueHarness(3000, 60000);

  private PerpetualExchange venue() {
    return h.venue(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            ORACLE,
            MarginMode.ISOLATED,
            List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
            List.of(),
            0.01,
            0.5,
            600,
            1_000_000));
  }

  @Test
  void test_refusedLoad_thenWithdraw_thenDiscard_leavesOnlyTheOtherAccounts() {
    PerpetualExchange v = venue();
    int house = v.snapshot().accounts();
    AccountId bob = h.fund("bob", 1_000, 0);
    AccountId eth = v.marginAccount(bob, ETH);
    AccountId btc = v.marginAccount(bob, BTC);
    v.deposit(bob, btc, USD, Precision.MICRO.atoms(1_000));
    // 1 BTC bought at 62,000, marked 60,000: equity 1,000 - 2,000 < 0, below MM 3,000: refused.
    assertThrows(
        IllegalStateException.class, () -> v.load(btc, List.of(new HeldPosition(BTC, 1, 62_000))));
    // Still holding its collateral, or not the last opened: refused, nothing moves.
    assertThrows(IllegalStateException.class, () -> v.discard(btc));
    assertThrows(IllegalStateException.class, () -> v.discard(eth));
    v.withdraw(btc, USD, Precision.MICRO.atoms(1_000), bob);
    assertEquals(house + 2, v.snapshot().accounts());
    v.discard(btc);
    assertEquals(house + 1, v.snapshot().accounts());
    // The next account opened takes the freed place; the books still balance.
    AccountId carol = h.fund("carol", 0, 0);
    v.marginAccount(carol, ETH);
    assertEquals(house + 2, v.snapshot().accounts());
    h.assertBooksBalance(v);
  }
}
