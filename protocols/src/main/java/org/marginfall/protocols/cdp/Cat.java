package org.marginfall.protocols.cdp;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationOutcome;

/**
 * Liquidations 1.0 bites (cat.sol {@code bite}, 2019): an unsafe vault gives up at most {@code
 * lump} of its collateral and the matching share of its debt, {@code art = debt * lot / ink}, which
 * joins the Vow's queue, and a {@link Flipper} auction is kicked for {@code tab = art * chop}.
 * Unlike Liquidations 2.0 there are no hole limits and no keeper incentive: keepers bite to bid.
 * One departure: a bite that would leave debt below {@code dust}, or whose share of the debt rounds
 * to zero atoms, takes the whole vault, so no dusty vault or empty auction remains. Source:
 * makerdao/dss src/cat.sol
 *
 * <p>Mutable and not thread-safe.
 */
final class Cat {

  private final CdpContext c;
  private final VaultBook book;
  private final CdpRiskView risk;
  private final Flipper flipper;
  private final Vow vow;
  private final FlipTerms terms;
  long bites;
  long tabStarted;

  Cat(CdpContext c, VaultBook book, CdpRiskView risk, Flipper flipper, Vow vow, FlipTerms terms) {
    this.c = c;
    this.book = book;
    this.risk = risk;
    this.flipper = flipper;
    this.vow = vow;
    this.terms = terms;
  }

  /**
   * cat.sol {@code bite} followed by flip.sol {@code kick}; empty, moving nothing, when the vault
   * is safe.
   */
  Optional<LiquidationOutcome> bite(AccountId account, AccountId keeper) {
    Vault v = book.find(account);
    if (v == null || !c.ledger().isOpen(keeper) || !bitesNow(v)) {
      return Optional.empty();
    }
    Ilk ilk = v.ilk;
    AssetId asset = ilk.terms.asset();
    long ink = book.ink(v);
    long lot = Math.min(ink, ilk.collateral.floorAtoms(terms.lump()));
    // cat.sol: art = urn.art * lot / urn.ink, in exact integer arithmetic as the contract does.
    long art =
        lot == ink
            ? book.debt(v)
            : BigInteger.valueOf(book.debt(v))
                .multiply(BigInteger.valueOf(lot))
                .divide(BigInteger.valueOf(ink))
                .longValueExact();
    // A share of debt that rounds to nothing would kick an auction for no tab: take the vault
    // whole.
    if (art <= 0 || book.debt(v) - art < ilk.dust) {
      lot = ink;
      art = book.debt(v);
    }
    long tab = Liquidations2Math.mulFloor(art, ilk.terms.chop());
    boolean partial = art < book.debt(v);
    c.ledger().transfer(account, c.auctions(), asset, lot);
    book.setDebt(v, book.debt(v) - art);
    vow.queue(art);
    flipper.kick(v, keeper, art, tab, lot, partial);
    bites++;
    tabStarted += tab;
    if (!risk.state(v).liquidatable()) {
      risk.liquidatable.drop(account);
    }
    return Optional.of(
        new LiquidationOutcome(c.spec().id(), account, c.units(tab), 0, List.of(), 0));
  }

  /** Whether {@code bite} would start an auction for the vault now. */
  boolean bitesNow(AccountId account) {
    Vault v = book.find(account);
    return v != null && bitesNow(v);
  }

  private boolean bitesNow(Vault v) {
    long ink = book.ink(v);
    return book.debt(v) > 0
        && ink > 0
        && risk.state(ink, book.debt(v), v.ilk).liquidatable()
        && !risk.pausedByStaleness(v);
  }
}
