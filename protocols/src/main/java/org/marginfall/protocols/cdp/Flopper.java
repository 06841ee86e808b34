package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.DebtLot;

/**
 * The CDP venue's debt auctions (flop.sol, kicked by vow.sol {@code flop}): once a tick, after the
 * collateral auctions, {@code deal} mints each won lot to its high bidder and {@code tick} restarts
 * each auction nobody bid on with its lot raised by {@code pad}; the {@link Vow} then heals what
 * surplus it has, and kicks an auction of {@code dump} for {@code sump} for every {@code sump} of
 * unbacked debt left. {@code dent} lowers the lot for the same bid; the first bid pays the Vow,
 * which heals that much debt ({@code kiss}). Source:
 * https://docs.makerdao.com/smart-contract-modules/system-stabilizer-module/flop-detailed-documentation
 *
 * <p>Mutable and not thread-safe.
 */
final class Flopper {

  private final CdpContext c;
  private final Vow vow;
  private final FlopTerms terms;
  private final Precision gem;
  private final long sump;
  private final long dump;
  private final TreeMap<Long, Flop> flops = new TreeMap<>();
  private long nextId = 1;

  private long kicks;
  private long restarts;
  private long dealt;

  /** Atoms of the minted asset dealt to winners: what the gem issuer account has paid out. */
  private long minted;

  Flopper(CdpContext c, Vow vow, FlopTerms terms) {
    this.c = c;
    this.vow = vow;
    this.terms = terms;
    this.gem = c.ledger().precision(terms.gem());
    this.sump = c.basePrecision().floorAtoms(terms.sump());
    this.dump = gem.floorAtoms(terms.dump());
  }

  /** The auctions that take bids now, with {@code bidder}'s standing. */
  List<DebtLot> lots(AccountId bidder) {
    List<DebtLot> out = new ArrayList<>();
    for (Flop f : flops.values()) {
      if (open(f)) {
        out.add(
            new DebtLot(
                c.spec().id(), f.id, terms.gem(), f.lot, sump, bidder.equals(f.guy), terms.beg()));
      }
    }
    return out;
  }

  /** flop.sol {@code dent}; see {@link CdpVenue#dentDebt}. */
  boolean dent(long id, AccountId bidder, long lot) {
    Flop f = flops.get(id);
    if (f == null || !open(f) || !c.ledger().isOpen(bidder)) {
      return false;
    }
    if (lot <= 0 || lot >= f.lot || terms.beg() * lot > f.lot) {
      return false;
    }
    boolean first = f.guy == null;
    if (!bidder.equals(f.guy)) {
      if (c.ledger().balance(bidder, c.base()) < sump) {
        return false;
      }
      c.ledger().transfer(bidder, first ? c.vow() : f.guy, c.base(), sump);
      if (first) {
        vow.kiss(sump);
      }
    }
    f.guy = bidder;
    f.lot = lot;
    f.tic = now() + terms.ttl();
    c.services()
        .events()
        .emit(
            new FlopBid(
                c.step(),
                c.round(),
                c.venue(),
                f.id,
                bidder.value(),
                gem.units(lot),
                c.units(sump),
                first));
    return true;
  }

  /**
   * Once a tick: {@code deal} every auction whose high bid outlived {@code ttl} or that passed its
   * end, {@code tick} every auction past its end without a bid, then {@code heal} and {@code flop}.
   */
  void settle() {
    double now = now();
    Iterator<Flop> it = flops.values().iterator();
    while (it.hasNext()) {
      Flop f = it.next();
      if (f.tic != 0 && (f.tic < now || f.end < now)) {
        it.remove();
        deal(f);
      } else if (f.tic == 0 && f.end < now) {
        f.lot = gem.floorAtoms(terms.pad() * gem.units(f.lot));
        f.end = now + terms.tau();
        restarts++;
        c.services()
            .events()
            .emit(new FlopRestarted(c.step(), c.round(), c.venue(), f.id, gem.units(f.lot)));
      }
    }
    vow.heal();
    while (vow.canFlop(sump)) {
      vow.flop(sump);
      Flop f = new Flop(nextId++, dump, now + terms.tau());
      flops.put(f.id, f);
      kicks++;
      c.services()
          .events()
          .emit(
              new FlopKicked(
                  c.step(),
                  c.round(),
                  c.venue(),
                  f.id,
                  terms.gem().value(),
                  gem.units(dump),
                  c.units(sump)));
    }
  }

  /** flop.sol {@code deal}: mints the lot to the high bidder. */
  private void deal(Flop f) {
    c.ledger().transfer(c.gemIssuer(), f.guy, terms.gem(), f.lot);
    minted += f.lot;
    dealt++;
    c.services()
        .events()
        .emit(new FlopDealt(c.step(), c.round(), c.venue(), f.id, f.guy.value(), gem.units(f.lot)));
  }

  private boolean open(Flop f) {
    double now = now();
    return (f.tic == 0 || f.tic > now) && f.end > now;
  }

  private double now() {
    return c.step() * c.spec().stepSeconds();
  }

  /** Atoms of the minted asset the running auctions' high bids accept, to be minted at the deal. */
  private long lotsBid() {
    long total = 0;
    for (Flop f : flops.values()) {
      total += f.guy == null ? 0 : f.lot;
    }
    return total;
  }

  /** Running auctions without a bid yet: each still sells {@code sump} of the Vow's debt. */
  private long unbid() {
    return flops.values().stream().filter(f -> f.guy == null).count();
  }

  /** The debt auctions' and the Vow's unbacked debt's snapshot extras (docs/venues.md). */
  void putExtras(Map<String, Double> extras) {
    extras.put("debtUnbacked", c.units(vow.unbacked));
    extras.put("debtOnFlop", c.units(vow.ash));
    extras.put("healedLater", c.units(vow.healedLater));
    extras.put("flopCovered", c.units(vow.flopCovered));
    extras.put("flopKicks", (double) kicks);
    extras.put("flopsDealt", (double) dealt);
    extras.put("flopRestarts", (double) restarts);
    extras.put("activeFlops", (double) flops.size());
    extras.put("gemMinted", gem.units(minted));
    extras.put("gemBid", gem.units(lotsBid()));
  }

  /** The debt auctions' books: the minted asset paid out, and the Vow's unbacked debt split up. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    String v = c.venue();
    long paidOut = -c.ledger().balance(c.gemIssuer(), terms.gem());
    if (paidOut != minted) {
      problems.add(
          v
              + ": minted "
              + minted
              + " atoms of "
              + terms.gem()
              + " but its issuer paid "
              + paidOut);
    }
    if (vow.ash != unbid() * sump) {
      problems.add(
          v + ": debt on auction " + vow.ash + " atoms but " + unbid() + " auctions of " + sump);
    }
    if (vow.ash > vow.unbacked) {
      problems.add(v + ": debt on auction " + vow.ash + " exceeds the unbacked " + vow.unbacked);
    }
    long accounted = vow.unbacked + vow.healedLater + vow.flopCovered;
    if (vow.badDebt != accounted) {
      problems.add(
          v
              + ": bad debt "
              + vow.badDebt
              + " atoms but unbacked + healed later + covered by debt auctions = "
              + accounted);
    }
    return problems;
  }
}
