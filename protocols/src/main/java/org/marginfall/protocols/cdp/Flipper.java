package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.EnglishLot;

/**
 * The CDP venue's Liquidations 1.0 English auctions (flip.sol): {@code kick} for a bitten vault,
 * {@code tend} and {@code dent} bids, {@code deal} once the high bid's {@code ttl} or the auction's
 * {@code tau} has passed, and {@code tick} restarting an auction nobody bid on. Each bid's increase
 * goes to the Vow as it lands; the {@link Vow} settles the auction's share of the debt queue at the
 * deal, so a tend phase that ends below the tab leaves a deficit. Source: makerdao/dss src/flip.sol
 *
 * <p>Mutable and not thread-safe.
 */
final class Flipper {

  private final CdpContext c;
  private final Vow vow;
  private final FlipTerms terms;
  private final TreeMap<Long, Flip> flips = new TreeMap<>();
  private long nextId = 1;

  /** Auctions dealt for a winning bid below one base unit (the "0 DAI" bids of March 2020). */
  long zeroBidLots;

  /** Collateral value, at the market price when dealt, that those auctions gave away. */
  double zeroBidValue;

  long dealt;

  Flipper(CdpContext c, Vow vow, FlipTerms terms) {
    this.c = c;
    this.vow = vow;
    this.terms = terms;
  }

  /**
   * flip.sol {@code kick}: an auction of the bitten lot (already in the auctions account) for
   * {@code tab}.
   */
  void kick(Vault v, AccountId kicker, long due, long tab, long lot, boolean partial) {
    Ilk ilk = v.ilk;
    Sale sale = new Sale(nextId++, ilk, v, kicker, due, tab, lot);
    double price = c.oraclePrice(ilk.terms.asset());
    sale.top = price;
    sale.tic = c.step();
    sale.sin = due;
    flips.put(sale.id, new Flip(sale, now() + terms.tau()));
    c.services()
        .events()
        .emit(
            new AuctionStarted(
                c.step(),
                c.round(),
                c.venue(),
                v.id.value(),
                kicker.value(),
                ilk.terms.asset().value(),
                sale.id,
                ilk.collateral.units(lot),
                c.units(due),
                c.units(tab),
                price,
                0,
                partial));
  }

  /** The auctions that take bids now, with {@code bidder}'s standing. */
  List<EnglishLot> lots(AccountId bidder) {
    List<EnglishLot> out = new ArrayList<>();
    for (Flip f : flips.values()) {
      if (open(f)) {
        Sale s = f.sale;
        out.add(
            new EnglishLot(
                c.spec().id(),
                s.id,
                s.ilk.terms.asset(),
                s.lot,
                f.bid,
                s.tab,
                bidder.equals(f.guy),
                terms.beg()));
      }
    }
    return out;
  }

  /**
   * The open auctions as the engine's auction list: price is the high bid per unit of the lot and
   * debt what the tend phase still lacks, so liquidation rounds keep running while auctions are
   * open.
   */
  List<AuctionLot> auctions() {
    List<AuctionLot> out = new ArrayList<>();
    for (Flip f : flips.values()) {
      if (open(f)) {
        Sale s = f.sale;
        double perUnit = c.units(f.bid) / s.ilk.collateral.units(s.lot);
        out.add(
            new AuctionLot(
                c.spec().id(), s.id, s.ilk.terms.asset(), s.lot, perUnit, c.units(s.tab - f.bid)));
      }
    }
    return out;
  }

  /** flip.sol {@code tend}; see {@link CdpVenue#tend}. */
  boolean tend(long id, AccountId bidder, long bid) {
    Flip f = flips.get(id);
    if (f == null || !open(f) || !c.ledger().isOpen(bidder) || bid > f.sale.tab || bid <= f.bid) {
      return false;
    }
    if (!((double) bid >= terms.beg() * f.bid || bid == f.sale.tab)) {
      return false;
    }
    boolean outbids = f.guy != null && !f.guy.equals(bidder);
    long pays = (outbids ? f.bid : 0) + bid - f.bid;
    if (c.ledger().balance(bidder, c.base()) < pays) {
      return false;
    }
    if (outbids) {
      c.ledger().transfer(bidder, f.guy, c.base(), f.bid);
    }
    c.ledger().transfer(bidder, c.vow(), c.base(), bid - f.bid);
    f.sale.raised = bid;
    f.bid = bid;
    landed(f, bidder, "tend");
    return true;
  }

  /** flip.sol {@code dent}; see {@link CdpVenue#dent}. */
  boolean dent(long id, AccountId bidder, long lot) {
    Flip f = flips.get(id);
    if (f == null || !open(f) || !f.dentPhase() || !c.ledger().isOpen(bidder)) {
      return false;
    }
    Sale s = f.sale;
    if (lot <= 0 || lot >= s.lot || terms.beg() * lot > s.lot) {
      return false;
    }
    boolean outbids = !bidder.equals(f.guy);
    if (outbids && c.ledger().balance(bidder, c.base()) < f.bid) {
      return false;
    }
    if (outbids) {
      c.ledger().transfer(bidder, f.guy, c.base(), f.bid);
    }
    long back = s.lot - lot;
    c.ledger().transfer(c.auctions(), s.vault.id, s.ilk.terms.asset(), back);
    s.lot = lot;
    f.returned += back;
    landed(f, bidder, "dent");
    return true;
  }

  private void landed(Flip f, AccountId bidder, String phase) {
    f.guy = bidder;
    f.tic = now() + terms.ttl();
    Sale s = f.sale;
    c.services()
        .events()
        .emit(
            new FlipBid(
                c.step(),
                c.round(),
                c.venue(),
                s.id,
                bidder.value(),
                phase,
                c.units(f.bid),
                s.ilk.collateral.units(s.lot),
                c.units(s.tab)));
  }

  /**
   * Once a tick, after the bids: {@code deal} every auction whose high bid outlived {@code ttl} or
   * that passed {@code tau} (anyone may call it; the venue does), and {@code tick} every auction
   * past {@code tau} without a bid.
   */
  void settle() {
    double now = now();
    Iterator<Flip> it = flips.values().iterator();
    while (it.hasNext()) {
      Flip f = it.next();
      if (f.tic != 0 && (f.tic < now || f.end < now)) {
        it.remove();
        deal(f);
      } else if (f.tic == 0 && f.end < now) {
        f.end = now + terms.tau();
      }
    }
  }

  /**
   * flip.sol {@code deal}: the lot goes to the high bidder; the Vow settles what the bids raised.
   */
  private void deal(Flip f) {
    Sale s = f.sale;
    AssetId asset = s.ilk.terms.asset();
    double units = s.ilk.collateral.units(s.lot);
    if (f.bid < c.basePrecision().floorAtoms(1.0)) {
      zeroBidLots++;
      zeroBidValue += units * marketPrice(asset);
    }
    dealt++;
    c.ledger().transfer(c.auctions(), f.guy, asset, s.lot);
    s.lot = 0;
    vow.settle(s, s.tab - f.bid, f.returned);
  }

  private double marketPrice(AssetId asset) {
    return c.services().markets().has(asset)
        ? c.services().markets().market(asset).price()
        : c.oraclePrice(asset);
  }

  private boolean open(Flip f) {
    double now = now();
    return (f.tic == 0 || f.tic > now) && f.end > now;
  }

  private double now() {
    return c.step() * c.spec().stepSeconds();
  }

  /** The running auctions' books, for the audit. */
  List<Sale> sales() {
    List<Sale> out = new ArrayList<>();
    flips.values().forEach(f -> out.add(f.sale));
    return out;
  }

  /** Collateral in running auctions at oracle prices, in base currency. */
  double collateralInAuction() {
    double total = 0;
    for (Flip f : flips.values()) {
      total += f.sale.ilk.collateral.units(f.sale.lot) * c.oraclePrice(f.sale.ilk.terms.asset());
    }
    return total;
  }

  int running() {
    return flips.size();
  }
}
