package org.marginfall.protocols.perp;

import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;

/**
 * The perpetual venue's backstop vault (Hyperliquid's HLP; Hyperliquid docs, Vaults): a margin
 * account {@code v/backstop} funded by depositors {@code v/backstop/depositors} against shares
 * minted once by the external {@code v/backstop/issuer}, which takes over accounts at the mark
 * price and unwinds what it took into the shared market a fraction per tick. It exists so that the
 * vault's accounts, its takeover and unwind, its NAV and its totals are one part, absent when the
 * venue has no backstop.
 *
 * <p>Mutable and not thread-safe.
 */
final class BackstopVault {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final BackstopTerms terms;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;
  private final MarginAccount vault;
  private final AccountId shareIssuer;

  /** The precision of the share asset. */
  private final Precision sharePrecision;

  private long takeovers;
  private double takenOverNotional;

  /** Whether the vault's equity was at or below zero at the last settlement. */
  private boolean insolvent;

  /**
   * Opens the vault, its share issuer and its depositors; the depositors bring the capital and
   * receive one share per unit, so NAV starts at exactly 1 (each side counted at its own asset's
   * precision). The share asset is priced at the vault's NAV.
   */
  BackstopVault(PerpContext c) {
    this.spec = c.spec();
    this.services = c.services();
    this.ledger = c.ledger();
    this.terms = spec.backstop().get();
    this.markets = c.markets();
    this.book = c.book();
    this.risk = c.risk();
    this.waterfall = c.waterfall();
    AccountId vaultId = AccountId.of(spec.id().value(), "backstop");
    this.shareIssuer = vaultId.child("issuer");
    AccountId depositors = vaultId.child("depositors");
    this.sharePrecision = ledger.precision(terms.shareAsset());
    ledger.open(vaultId, AccountType.ORDINARY);
    ledger.open(shareIssuer, AccountType.EXTERNAL);
    ledger.open(depositors, AccountType.ORDINARY);
    this.vault = book.openVault(vaultId);
    Precision basePrecision = ledger.precision(markets.base);
    ledger.transfer(
        Ledger.EXTERNAL, vaultId, markets.base, basePrecision.floorAtoms(terms.capital()));
    ledger.transfer(
        shareIssuer, depositors, terms.shareAsset(), sharePrecision.floorAtoms(terms.capital()));
    services.markets().defineDerived(terms.shareAsset(), this::nav);
  }

  /**
   * The backstop vault takes over every position (cross) or the one position (isolated) and all
   * margin of the account at the mark price; the account is left with nothing, so its maintenance
   * margin is not returned (Hyperliquid docs, trading/liquidations).
   */
  LiquidationOutcome takeover(MarginAccount a, MarginState before, String reason) {
    double notional = 0;
    double realized = 0;
    double[] price = new double[a.markets()];
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        price[i] = markets.markPrice(i);
        notional += Math.abs(a.size(i)) * price[i];
        realized += a.size(i) * (price[i] - a.entry(i));
      }
    }
    takeMargin(a);
    // The account's PnL at the mark now belongs to the vault, which settles it with the house and
    // holds the positions from the mark on.
    waterfall.settlePnl(vault.id, realized);
    takePositions(a, price);
    takeovers++;
    takenOverNotional += notional;
    services
        .events()
        .emit(
            new BackstopTakeover(
                services.clock().step(),
                services.clock().round(),
                spec.id().value(),
                a.id.value(),
                notional,
                before.equity(),
                before.maintenanceRequirement(),
                reason));
    risk.restate(a);
    risk.restate(vault);
    risk.dropFromList(a);
    return new LiquidationOutcome(spec.id(), a.id, notional, 0, List.of(), 0);
  }

  /** Moves every collateral balance of {@code a} to the vault. */
  private void takeMargin(MarginAccount a) {
    for (AssetId c : markets.collateralAssets()) {
      long held = ledger.balance(a.id, c);
      if (held > 0) {
        ledger.transfer(a.id, vault.id, c, held);
      }
    }
  }

  /**
   * Moves every position of {@code a} to the vault at {@code price}, settling what the vault's own
   * positions realise.
   */
  private void takePositions(MarginAccount a, double[] price) {
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        double s = a.size(i);
        book.setSize(a, i, 0);
        a.setEntry(i, 0);
        waterfall.settlePnl(vault.id, book.applyTrade(vault, i, s, price[i]));
      }
    }
  }

  /**
   * The vault closes {@code unwindFraction} of each position (all of a position under 1 unit of
   * notional) into the market.
   */
  void unwind() {
    double fraction = terms.unwindFraction();
    String trader = vault.id.value();
    for (int i = 0; i < vault.markets(); i++) {
      double s = vault.size(i);
      if (s == 0) {
        continue;
      }
      double close = Math.abs(s * fraction) * markets.markPrice(i) < 1 ? s : s * fraction;
      Execution e = services.markets().tradeSynthetic(trader, markets.assets.get(i), -close);
      waterfall.settlePnl(vault.id, book.applyTrade(vault, i, -close, e.averagePrice()));
    }
    risk.restate(vault);
    double equity = equity();
    if (equity <= 0 && !insolvent) {
      long shares = -ledger.balance(shareIssuer, terms.shareAsset());
      services
          .events()
          .emit(
              new BackstopInsolvent(
                  services.clock().step(),
                  services.clock().round(),
                  spec.id().value(),
                  equity,
                  sharePrecision.units(shares)));
    }
    insolvent = equity <= 0;
  }

  /** The vault's equity: collateral at the oracle plus unrealised PnL at the mark. */
  double equity() {
    return risk.settlementValue(vault);
  }

  /**
   * NAV per share of the backstop vault: its equity over the shares outstanding, and 0 while the
   * equity is at or below zero. An insolvent vault's shares are worth nothing, not less: the
   * holders' liability is limited to what they put in, and the losses beyond the vault's capital
   * reach the venue's insurance fund and bad debt as its positions settle.
   */
  double nav() {
    long shares = -ledger.balance(shareIssuer, terms.shareAsset());
    return shares > 0 ? Math.max(0, equity()) / sharePrecision.units(shares) : 1.0;
  }

  /** Adds the vault's totals, equity and NAV to a snapshot's extras. */
  void addExtras(Map<String, Double> extras) {
    extras.put("backstopTakeovers", (double) takeovers);
    extras.put("backstopTakenNotional", takenOverNotional);
    extras.put("backstopEquity", equity());
    extras.put("backstopNav", nav());
  }

  /** Adds a problem when the shares issued disagree with the capital or the NAV is not finite. */
  void audit(List<String> problems) {
    // Shares are minted once, at the start; nothing else issues or burns them.
    long issued = -ledger.balance(shareIssuer, terms.shareAsset());
    if (issued != sharePrecision.floorAtoms(terms.capital())) {
      problems.add(
          spec.id() + ": backstop shares issued " + issued + " atoms disagree with the capital");
    }
    if (!Double.isFinite(nav())) {
      problems.add(spec.id() + ": backstop NAV is not finite");
    }
  }
}
