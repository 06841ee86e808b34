package org.marginfall.protocols.cdp;

import java.util.List;
import java.util.Optional;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;

/**
 * Liquidation of unsafe vaults (dog.sol {@code bark}): whether a vault can be barked now under the
 * hole limits and the dust rule, the keeper incentive a bark would pay, and the bark itself, which
 * moves (part of) the vault into a {@link Clipper} auction. {@code liquidate} and the reward
 * estimate ask the same {@link Liquidations2Math#bark}, so the estimate cannot drift from the
 * action.
 *
 * <p>Mutable and not thread-safe.
 */
final class Barker {

  private final CdpContext c;
  private final VaultBook book;
  private final CdpRiskView risk;
  private final HoleLimits limits;
  private final Clipper clipper;
  private final Vow vow;
  long barks;
  long tabStarted;

  Barker(
      CdpContext c, VaultBook book, CdpRiskView risk, HoleLimits limits, Clipper clipper, Vow vow) {
    this.c = c;
    this.book = book;
    this.risk = risk;
    this.limits = limits;
    this.clipper = clipper;
    this.vow = vow;
  }

  /** The keeper incentive a bark would pay now; see {@link CdpVenue#expectedLiquidatorReward}. */
  double expectedReward(LiquidationCandidate candidate) {
    Vault v = book.find(candidate.account());
    if (v == null) {
      return 0;
    }
    Ilk ilk = v.ilk;
    long ink = c.ledger().balance(v.id, ilk.terms.asset());
    if (!risk.state(ink, book.debt(v), ilk).liquidatable() || !ilk.paysIncentive()) {
      return 0;
    }
    Optional<Liquidations2Math.Bark> b = bark(ink, v);
    return b.isEmpty()
        ? 0
        : c.units(Liquidations2Math.incentive(ilk.tip, ilk.terms.chip(), b.get().tab()));
  }

  /** dog.sol {@code bark} followed by clip.sol {@code kick}; see {@link CdpVenue#liquidate}. */
  Optional<LiquidationOutcome> liquidate(AccountId account, AccountId keeper) {
    Vault v = book.find(account);
    if (v == null || !c.ledger().isOpen(keeper)) {
      return Optional.empty();
    }
    Optional<Liquidations2Math.Bark> b = barkable(v);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    Ilk ilk = v.ilk;
    AssetId asset = ilk.terms.asset();
    double top = c.oraclePrice(asset) * ilk.terms.buf();
    Liquidations2Math.Bark bark = b.get();
    boolean partial = bark.due() < book.debt(v);
    c.ledger().transfer(account, c.auctions(), asset, bark.dink());
    book.setDebt(v, book.debt(v) - bark.due());
    vow.queue(bark.due());
    limits.claim(ilk, bark.tab());
    long coin = clipper.kick(v, keeper, bark, top, partial);
    barks++;
    tabStarted += bark.tab();
    if (!risk.state(v).liquidatable()) {
      risk.liquidatable.drop(account);
    }
    return Optional.of(
        new LiquidationOutcome(
            c.spec().id(), account, c.units(bark.tab()), c.units(coin), List.of(), 0));
  }

  /** Whether {@code bark} would start an auction for the vault now, whoever the keeper. */
  boolean liquidatesNow(AccountId account) {
    // While no collateral type has room under the liquidation limits, no vault can be barked: the
    // unsafe vaults waiting for room are answered without being looked up. (Skipping the staleness
    // check changes no count: the mark that listed them checked it in the same round.)
    if (!limits.anyRoom()) {
      return false;
    }
    Vault v = book.find(account);
    return v != null && barkable(v).isPresent();
  }

  /**
   * The bark an unsafe vault takes now, or empty when the vault is safe, liquidations are paused by
   * a stale price, the hole limits leave no room, the auction would be dusty or the price is not
   * positive.
   */
  private Optional<Liquidations2Math.Bark> barkable(Vault v) {
    Ilk ilk = v.ilk;
    long ink = book.ink(v);
    if (!risk.state(ink, book.debt(v), ilk).liquidatable() || risk.pausedByStaleness(v)) {
      return Optional.empty();
    }
    Optional<Liquidations2Math.Bark> b = bark(ink, v);
    return c.oraclePrice(ilk.terms.asset()) * ilk.terms.buf() > 0 ? b : Optional.empty();
  }

  private Optional<Liquidations2Math.Bark> bark(long ink, Vault v) {
    Ilk ilk = v.ilk;
    return Liquidations2Math.bark(
        ink,
        book.debt(v),
        limits.globalRoom(),
        HoleLimits.ilkRoom(ilk),
        ilk.dust,
        ilk.terms.chop());
  }
}
