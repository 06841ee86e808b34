package org.marginfall.protocols.perp.portfolio;

import java.util.Optional;
import org.marginfall.core.venue.MarginState;

/**
 * The seam between a perpetual venue and a {@link PortfolioMarginModel}: the venue keeps computing
 * equity as before (collateral after haircuts plus unrealised PnL) and takes its requirements from
 * the model.
 *
 * <pre>
 * state       = (equity, model.initial, model.maintenance)   if the model covers the portfolio
 *             = the venue's standard state                    otherwise (VaR window still filling)
 * close share = q = (MM - E) / (MM - f N), clamped to [0, 1]   proportional liquidation
 * </pre>
 *
 * Source: Deribit portfolio margin, "MM = max loss + contingencies" against equity and incremental
 * liquidation "stopping as soon as MM &lt; equity" (Deribit's Portfolio Margin and auto-liquidation
 * pages). Stateless and thread-safe.
 */
public final class PortfolioMarginCalculator {

  /** The shared instance. */
  public static final PortfolioMarginCalculator DEFAULT = new PortfolioMarginCalculator();

  /**
   * The margin state of an account under portfolio margin.
   *
   * @param standard the venue's own state of the account (its equity is kept)
   * @param model the portfolio-margin model
   * @param portfolio the account's positions at the current marks and the venue's window
   */
  public PortfolioAssessment assess(
      MarginState standard, PortfolioMarginModel model, Portfolio portfolio) {
    if (!model.covers(portfolio)) {
      return new PortfolioAssessment(standard, Optional.empty());
    }
    MarginRequirement r = model.requirement(portfolio);
    return new PortfolioAssessment(
        new MarginState(standard.equity(), r.initial(), r.maintenance()), Optional.of(r));
  }

  /**
   * The share {@code q} of every position to close, all in the same proportion at the mark, so that
   * equity after the liquidation fee meets the maintenance requirement again: solves {@code E - f q
   * N = (1 - q) MM}. Valid because both models are positively homogeneous: scaling every size by
   * {@code 1 - q} scales each scenario loss, each scanning risk, each credit and each loss quantile
   * by {@code 1 - q}. Returns 0 for a healthy account and 1 when no partial close suffices.
   *
   * @param equity the account's equity E
   * @param maintenance the portfolio maintenance requirement MM
   * @param notional the gross notional N = sum |size * mark| of the positions
   * @param feeRate the liquidation fee f as a fraction of closed notional
   */
  public double proportionalCloseFraction(
      double equity, double maintenance, double notional, double feeRate) {
    if (!(equity < maintenance)) {
      return 0;
    }
    double denominator = maintenance - feeRate * notional;
    if (!(denominator > 0)) {
      // Every share closed costs more in fees than it frees in requirement: close everything.
      return 1;
    }
    return Math.min(1, Math.max(0, (maintenance - equity) / denominator));
  }
}
