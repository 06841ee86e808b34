package org.marginfall.protocols.cdp;

import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;

/**
 * The CDP venue's system surplus and deficit (vow.sol): the queue of debt taken over from barked
 * vaults and of keeper incentives ({@code sin}), healing it against the surplus when an auction
 * ends, writing off what the surplus cannot heal, and the totals of all of it. With debt auctions
 * ({@link FlopTerms}) nothing is written off: what the surplus cannot heal stays in {@code sin} as
 * unbacked debt, healed by later surplus ({@code heal}) or by the debt auctions' bids ({@code
 * flop}, {@code kiss}). Source:
 * https://docs.makerdao.com/smart-contract-modules/system-stabilizer-module/vow-detailed-documentation
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

  /** Whether debt auctions cover what the surplus cannot heal, instead of the bad-debt account. */
  private final boolean flops;

  /** Bad debt not yet healed or covered, kept in {@code sin} (with debt auctions only). */
  long unbacked;

  /** Of {@code unbacked}, what debt auctions without a bid are selling (vow.sol {@code Ash}). */
  long ash;

  /** Bad debt healed by surplus that arrived after it was found. */
  long healedLater;

  /** Bad debt covered by the first bids of debt auctions (vow.sol {@code kiss}). */
  long flopCovered;

  Vow(CdpContext c) {
    this.c = c;
    this.flops = c.spec().flop() != null;
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
   * bad debt: unbacked debt for the debt auctions when the venue has them, else written off to the
   * bad-debt account (their role).
   */
  void settle(Sale s, long deficit, long returned) {
    long step = c.step();
    int round = c.round();
    String venue = c.venue();
    long healed = Math.min(c.ledger().balance(c.vow(), c.base()), s.sin);
    c.ledger().transfer(c.vow(), c.issuer(), c.base(), healed);
    long fromSurplus = Math.max(0, healed - s.raised);
    long written = s.sin - healed;
    sin -= healed;
    if (fromSurplus > 0) {
      surplusUsed += fromSurplus;
      c.services()
          .events()
          .emit(new InsurancePayout(step, round, venue, s.vault.id.value(), c.units(fromSurplus)));
    }
    if (written > 0 && flops) {
      unbacked += written;
    } else if (written > 0) {
      c.ledger().transfer(c.badDebt(), c.issuer(), c.base(), written);
      sin -= written;
    }
    if (written > 0) {
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

  /**
   * vow.sol {@code heal}: spends the surplus on unbacked debt that no debt auction is selling. Runs
   * before {@code flop}, which needs the surplus spent.
   */
  void heal() {
    long rad = Math.min(c.ledger().balance(c.vow(), c.base()), unbacked - ash);
    if (rad > 0) {
      c.ledger().transfer(c.vow(), c.issuer(), c.base(), rad);
      sin -= rad;
      unbacked -= rad;
      healedLater += rad;
    }
  }

  /**
   * vow.sol {@code flop}'s conditions: at least {@code sump} of unbacked debt not on auction, and
   * no surplus left.
   */
  boolean canFlop(long sump) {
    return unbacked - ash >= sump && c.ledger().balance(c.vow(), c.base()) == 0;
  }

  /** vow.sol {@code flop}: puts {@code sump} of unbacked debt on a debt auction. */
  void flop(long sump) {
    ash += sump;
  }

  /**
   * vow.sol {@code kiss}: heals {@code rad} of debt on auction with the first bid the auction just
   * paid the Vow.
   */
  void kiss(long rad) {
    c.ledger().transfer(c.vow(), c.issuer(), c.base(), rad);
    ash -= rad;
    unbacked -= rad;
    sin -= rad;
    flopCovered += rad;
  }
}
