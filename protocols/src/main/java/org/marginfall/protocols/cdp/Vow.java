package org.marginfall.protocols.cdp;

import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;

/**
 * The CDP venue's system surplus and deficit (vow.sol): the queue of debt taken over from barked
 * vaults and of keeper incentives ({@code sin}), healing it against the surplus when an auction
 * ends, writing off what the surplus cannot heal, and the totals of all of it.
 *
 * <p>Mutable and not thread-safe.
 */
final class Vow {

  private final CdpContext c;

  /** The debt queue: debt taken over from barked vaults plus incentives paid, not yet healed. */
  long sin;

  long penaltyIncome;
  long surplusUsed;
  long badDebt;
  long incentives;
  long deficits;

  Vow(CdpContext c) {
    this.c = c;
  }

  /**
   * Queues the debt a bark took over from a vault ({@code vat.grab} into the Vow's {@code sin}).
   */
  void queue(long due) {
    sin += due;
  }

  /**
   * {@code vat.suck(vow, kpr, coin)}: newly issued base currency to the sale's keeper, owed by the
   * Vow; nothing unless {@code pay}. Returns the incentive paid.
   */
  long payIncentive(Sale s, boolean pay) {
    long coin = pay ? Liquidations2Math.incentive(s.ilk.tip, s.ilk.terms.chip(), s.tab) : 0;
    if (coin > 0) {
      c.ledger().transfer(c.issuer(), s.keeper, c.base(), coin);
      s.sin += coin;
      sin += coin;
      incentives += coin;
    }
    return coin;
  }

  /**
   * Settles an ended auction's share of the queue: its {@code sin} is healed against the Vow's
   * surplus (vow.sol {@code heal}), which holds the auction's proceeds; what surplus cannot heal is
   * written off to the bad-debt account (the role of vow.sol {@code flop}).
   */
  void settle(Sale s, long deficit, long returned) {
    long step = c.step();
    int round = c.round();
    String venue = c.venue();
    long healed = Math.min(c.ledger().balance(c.vow(), c.base()), s.sin);
    c.ledger().transfer(c.vow(), c.issuer(), c.base(), healed);
    long fromSurplus = Math.max(0, healed - s.raised);
    long written = s.sin - healed;
    sin -= s.sin;
    if (fromSurplus > 0) {
      surplusUsed += fromSurplus;
      c.services()
          .events()
          .emit(new InsurancePayout(step, round, venue, s.vault.id.value(), c.units(fromSurplus)));
    }
    if (written > 0) {
      c.ledger().transfer(c.badDebt(), c.issuer(), c.base(), written);
      badDebt += written;
      c.services()
          .events()
          .emit(new BadDebt(step, round, venue, s.vault.id.value(), c.units(written)));
    }
    long penalty = Math.max(0, s.raised - s.due);
    penaltyIncome += penalty;
    deficits += deficit;
    c.services()
        .events()
        .emit(
            new AuctionEnded(
                step,
                round,
                venue,
                s.id,
                s.vault.id.value(),
                c.units(s.due),
                c.units(s.raised),
                c.units(deficit),
                s.ilk.collateral.units(returned),
                c.units(penalty)));
  }
}
