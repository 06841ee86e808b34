package org.marginfall.protocols.perp;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;

/**
 * What every part of the perpetual venue is wired to: its terms, the run's services, the ledger,
 * the base currency and its precision, and the parts the others share (the markets' columns, the
 * account book, the risk view, the loss waterfall and the liquidation totals). One record so that
 * the parts take one argument for their wiring, as {@code CdpContext} and {@code LendingContext} do
 * for the other venues.
 *
 * @param markets markets and collateral lines by index, their terms and prices
 * @param book the accounts as columns by ordinal
 * @param risk margin states and the mark
 * @param waterfall house, insurance fund, collateral sale, socialized loss, bad debt
 * @param totals the liquidation totals the book and deleveraging paths add to
 */
record PerpContext(
    PerpetualVenueSpec spec,
    VenueServices services,
    Ledger ledger,
    AssetId base,
    Precision basePrecision,
    PerpMarkets markets,
    PerpAccountBook book,
    PerpRiskView risk,
    LossWaterfall waterfall,
    LiquidationTotals totals) {

  /**
   * Builds the shared parts in the order of their effects on the ledger: the markets, the book, the
   * risk view, then the waterfall, which opens the house, insurance and bad-debt accounts.
   */
  static PerpContext open(PerpetualVenueSpec spec, VenueServices services) {
    Ledger ledger = services.ledger();
    AssetId base = services.baseCurrency();
    PerpMarkets markets = new PerpMarkets(spec, services);
    PerpAccountBook book = new PerpAccountBook(spec.id(), ledger, markets.count());
    PerpRiskView risk = new PerpRiskView(spec, services, markets, book);
    LossWaterfall waterfall = new LossWaterfall(spec, services, markets, book, risk);
    return new PerpContext(
        spec,
        services,
        ledger,
        base,
        ledger.precision(base),
        markets,
        book,
        risk,
        waterfall,
        new LiquidationTotals());
  }
}
