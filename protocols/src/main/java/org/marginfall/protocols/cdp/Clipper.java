package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;

/**
 * The CDP venue's Dutch auctions (clip.sol): starting a sale for a barked vault ({@code kick}), its
 * price falling by the collateral type's {@link Abacus}, bids ({@code take}), resets past {@code
 * tail} or below {@code cusp} ({@code redo}), and ending a sale, whose books the {@link Vow}
 * settles.
 *
 * <p>Mutable and not thread-safe.
 */
final class Clipper {

  private final CdpContext c;
  private final HoleLimits limits;
  private final Vow vow;
  private final TreeMap<Long, Sale> sales = new TreeMap<>();
  private long nextSaleId = 1;

  Clipper(CdpContext c, HoleLimits limits, Vow vow) {
    this.c = c;
    this.limits = limits;
    this.vow = vow;
  }

  /**
   * clip.sol {@code kick}: a sale of the barked collateral, already moved to the auctions account,
   * from {@code top}; pays the keeper its incentive and emits {@link AuctionStarted}. Returns the
   * incentive paid.
   */
  long kick(Vault v, AccountId keeper, Liquidations2Math.Bark bark, double top, boolean partial) {
    Ilk ilk = v.ilk;
    Sale sale = new Sale(nextSaleId++, ilk, v, keeper, bark.due(), bark.tab(), bark.dink());
    sale.top = top;
    sale.tic = c.step();
    sale.sin = bark.due();
    long coin = vow.payIncentive(sale, ilk.paysIncentive());
    sales.put(sale.id, sale);
    c.services()
        .events()
        .emit(
            new AuctionStarted(
                c.step(),
                c.round(),
                c.venue(),
                v.id.value(),
                keeper.value(),
                ilk.terms.asset().value(),
                sale.id,
                ilk.collateral.units(bark.dink()),
                c.units(bark.due()),
                c.units(bark.tab()),
                top,
                c.units(coin),
                partial));
    return coin;
  }

  /** The auctions that can be bid on now: running and not awaiting a reset, by id. */
  List<AuctionLot> auctions() {
    List<AuctionLot> out = new ArrayList<>();
    for (Sale s : sales.values()) {
      listed(s).ifPresent(out::add);
    }
    return out;
  }

  Optional<AuctionLot> auction(long lotId) {
    Sale s = sales.get(lotId);
    return s == null ? Optional.empty() : listed(s);
  }

  /** The sale as a lot that can be bid on now, or empty while it awaits a reset. */
  private Optional<AuctionLot> listed(Sale s) {
    double price = price(s);
    return needsRedo(s, price)
        ? Optional.empty()
        : Optional.of(
            new AuctionLot(c.spec().id(), s.id, s.ilk.terms.asset(), s.lot, price, c.units(s.tab)));
  }

  /** clip.sol {@code take}; see {@link CdpVenue#take}. */
  Optional<AuctionTake> take(long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    Sale s = sales.get(lotId);
    if (s == null || !c.ledger().isOpen(taker)) {
      return Optional.empty();
    }
    double price = price(s);
    if (needsRedo(s, price) || maxPrice < price) {
      return Optional.empty();
    }
    Optional<Liquidations2Math.Take> t =
        Liquidations2Math.take(s.lot, s.tab, maxAtoms, price, s.ilk.chost, s.ilk.shift);
    if (t.isEmpty() || c.ledger().balance(taker, c.base()) < t.get().owe()) {
      return Optional.empty();
    }
    long slice = t.get().slice();
    long owe = t.get().owe();
    AssetId asset = s.ilk.terms.asset();
    c.ledger().transfer(taker, c.vow(), c.base(), owe);
    c.ledger().transfer(c.auctions(), taker, asset, slice);
    s.tab -= owe;
    s.lot -= slice;
    s.raised += owe;
    // dog.sol digs: the auction's claim on the hole limits falls by what it raised, or all of it
    // once the lot is gone.
    limits.dig(s.ilk, s.lot == 0 ? s.tab + owe : owe);
    c.services()
        .events()
        .emit(
            new AuctionTaken(
                c.step(),
                c.round(),
                c.venue(),
                s.id,
                taker.value(),
                asset.value(),
                s.ilk.collateral.units(slice),
                price,
                c.units(owe),
                c.units(s.tab),
                s.ilk.collateral.units(s.lot)));
    if (s.lot == 0) {
      end(s, s.tab, 0);
    } else if (s.tab == 0) {
      long rest = s.lot;
      c.ledger().transfer(c.auctions(), s.vault.id, asset, rest);
      s.lot = 0;
      end(s, 0, rest);
    }
    return Optional.of(new AuctionTake(c.spec().id(), lotId, asset, slice, c.units(owe)));
  }

  /** Resets every auction past {@code tail} or below {@code cusp} (clip.sol {@code redo}). */
  void resetStale() {
    for (Sale s : sales.values()) {
      if (needsRedo(s, price(s))) {
        redo(s);
      }
    }
  }

  /**
   * clip.sol {@code redo}: restart from {@code top = price * buf}; pays the incentive again if the
   * sale is not dusty.
   */
  private void redo(Sale s) {
    double feed = c.oraclePrice(s.ilk.terms.asset());
    s.top = feed * s.ilk.terms.buf();
    s.tic = c.step();
    boolean paid =
        s.ilk.paysIncentive()
            && s.tab >= s.ilk.chost
            && s.ilk.collateral.units(s.lot) * feed >= c.units(s.ilk.chost);
    long coin = vow.payIncentive(s, paid);
    c.services()
        .events()
        .emit(
            new AuctionReset(
                c.step(), c.round(), c.venue(), s.id, s.keeper.value(), s.top, c.units(coin)));
  }

  private void end(Sale s, long deficit, long returned) {
    sales.remove(s.id);
    vow.settle(s, deficit, returned);
  }

  /** The running sales by id. */
  Collection<Sale> sales() {
    return sales.values();
  }

  /** The collateral in running auctions at oracle prices, in base currency. */
  double collateralInAuction() {
    double inAuction = 0;
    for (Sale s : sales.values()) {
      inAuction += s.ilk.collateral.units(s.lot) * c.oraclePrice(s.ilk.terms.asset());
    }
    return inAuction;
  }

  private double elapsedSeconds(Sale s) {
    return (c.step() - s.tic) * c.spec().stepSeconds();
  }

  /** clip.sol {@code price}: {@code calc.price(top, now - tic)}. */
  private double price(Sale s) {
    return s.ilk.terms.abacus().price(s.top, elapsedSeconds(s));
  }

  private boolean needsRedo(Sale s, double price) {
    return Liquidations2Math.needsRedo(
        elapsedSeconds(s), s.ilk.terms.tail(), price, s.top, s.ilk.terms.cusp());
  }
}
