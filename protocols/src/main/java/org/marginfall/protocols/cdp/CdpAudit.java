package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.ledger.AccountId;

/**
 * Proves the CDP venue's books to the atom: {@code -issuer = sum of vault debt + sin}, the Vow's
 * queue equal to the running auctions', {@code Dirt} equal to their tabs, the auctions account
 * holding exactly their lots, the bad-debt account equal to what was written off (nothing with debt
 * auctions, whose books {@link Flopper} proves), no dusty debt, and the last mark's list agreeing
 * with every vault's safety.
 */
final class CdpAudit {

  private final CdpContext c;
  private final VaultBook book;
  private final CdpRiskView risk;
  private final HoleLimits limits;
  private final Clipper clipper;

  /** Null under Liquidations 2.0. */
  private final Flipper flipper;

  /** Null without debt auctions. */
  private final Flopper flopper;

  private final Vow vow;

  CdpAudit(
      CdpContext c,
      VaultBook book,
      CdpRiskView risk,
      HoleLimits limits,
      Clipper clipper,
      Flipper flipper,
      Flopper flopper,
      Vow vow) {
    this.c = c;
    this.book = book;
    this.risk = risk;
    this.limits = limits;
    this.clipper = clipper;
    this.flipper = flipper;
    this.flopper = flopper;
    this.vow = vow;
  }

  /** One line per broken invariant; empty when the books hold. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    String v = c.venue();
    long debt = vaults(problems);
    if (book.totalDebt() != debt) {
      problems.add(
          v + ": total debt kept as " + book.totalDebt() + " atoms but the vaults sum to " + debt);
    }
    long queued = 0;
    long tabs = 0;
    Map<Ilk, Long> lots = new LinkedHashMap<>();
    Map<Ilk, Long> ilkTabs = new LinkedHashMap<>();
    for (Sale s : clipper.sales()) {
      queued += s.sin;
      tabs += s.tab;
      lots.merge(s.ilk, s.lot, Long::sum);
      ilkTabs.merge(s.ilk, s.tab, Long::sum);
      if (s.tab <= 0 || s.lot <= 0 || !(s.top > 0)) {
        problems.add(
            v
                + ": auction "
                + s.id
                + " is running with tab "
                + s.tab
                + ", lot "
                + s.lot
                + ", top "
                + s.top);
      }
    }
    // Flip auctions claim no hole limits: their tabs stay out of the Dirt check.
    for (Sale s : flipper == null ? List.<Sale>of() : flipper.sales()) {
      queued += s.sin;
      lots.merge(s.ilk, s.lot, Long::sum);
      if (s.tab <= 0 || s.lot <= 0) {
        problems.add(
            v + ": flip auction " + s.id + " is running with tab " + s.tab + ", lot " + s.lot);
      }
    }
    // Unbacked debt stays in sin until surplus or a debt auction's first bid heals it.
    queued += vow.unbacked;
    long sin = vow.sin;
    long supply = -c.ledger().balance(c.issuer(), c.base());
    if (supply != debt + sin) {
      problems.add(
          v
              + ": issued "
              + supply
              + " atoms but vault debt "
              + debt
              + " + sin "
              + sin
              + " = "
              + (debt + sin));
    }
    if (sin != queued) {
      problems.add(v + ": sin " + sin + " atoms disagrees with the running auctions' " + queued);
    }
    if (limits.dirt != tabs) {
      problems.add(
          v + ": Dirt " + limits.dirt + " atoms disagrees with the running auctions' tabs " + tabs);
    }
    for (Ilk ilk : book.ilks) {
      long held = c.ledger().balance(c.auctions(), ilk.terms.asset());
      long expected = lots.getOrDefault(ilk, 0L);
      if (held != expected) {
        problems.add(
            v
                + ": auctions hold "
                + held
                + " atoms of "
                + ilk.terms.asset()
                + " but lots sum to "
                + expected);
      }
      if (ilk.dirt != ilkTabs.getOrDefault(ilk, 0L)) {
        problems.add(v + ": dirt of " + ilk.terms.asset() + " disagrees with its auctions' tabs");
      }
    }
    long booked = -c.ledger().balance(c.badDebt(), c.base());
    if (flopper != null) {
      problems.addAll(flopper.problems());
    }
    if (booked != (flopper == null ? vow.badDebt : 0)) {
      problems.add(
          v + ": bad debt " + vow.badDebt + " atoms disagrees with the bad-debt account " + booked);
    }
    return problems;
  }

  /** Checks every vault's debt and listing; returns the sum of their debt. */
  private long vaults(List<String> problems) {
    String v = c.venue();
    long debt = 0;
    Set<AccountId> listed = new LinkedHashSet<>();
    risk.liquidatable.list().forEach(candidate -> listed.add(candidate.account()));
    for (Vault vault : book.vaults.values()) {
      debt += book.debt(vault);
      if (book.debt(vault) < 0 || (book.debt(vault) > 0 && book.debt(vault) < vault.ilk.dust)) {
        problems.add(v + ": " + vault.id + " carries dusty debt " + book.debt(vault) + " atoms");
      }
      boolean unsafe = risk.state(vault).liquidatable();
      if (unsafe != listed.contains(vault.id)) {
        problems.add(
            v
                + ": "
                + vault.id
                + " is "
                + (unsafe ? "" : "not ")
                + "unsafe but the last mark says otherwise");
      }
    }
    return debt;
  }
}
