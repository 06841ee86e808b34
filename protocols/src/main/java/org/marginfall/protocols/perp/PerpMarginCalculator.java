package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.venue.MarginState;

/**
 * Margin formulas of a multi-collateral perpetual venue, as pure functions of explicit inputs.
 *
 * <pre>
 * equity = sum_c units_c * P_c * (1 - haircut_c) + sum_p size_p * (P_p - entry_p)
 * IMR    = sum_p |size_p| * P_p * IMF_p        MMR = sum_p |size_p| * P_p * MMF_p
 * liquidatable  &lt;=&gt;  MMR &gt; 0  and  equity &lt; MMR
 * </pre>
 *
 * Source: dYdX v4 total net collateral vs total maintenance margin requirement
 * (dydxprotocol/v4-chain x/clob/keeper/liquidations.go) and Binance USD-M cross margin (FAQ
 * 360033162192), with per-asset collateral haircuts as in Binance's unified account. Stateless and
 * thread-safe.
 */
public final class PerpMarginCalculator {

  /** The shared instance. */
  public static final PerpMarginCalculator DEFAULT = new PerpMarginCalculator();

  /**
   * One collateral holding.
   *
   * @param units units held
   * @param price oracle price
   * @param haircut haircut fraction
   * @param cap most value counted after the haircut
   */
  public record CollateralLine(double units, double price, double haircut, double cap) {

    /** A line without a cap on counted value. */
    public CollateralLine(double units, double price, double haircut) {
      this(units, price, haircut, Double.POSITIVE_INFINITY);
    }
  }

  /**
   * One open position.
   *
   * @param size signed size in units (negative: short)
   * @param entryPrice average entry price
   * @param markPrice mark price (the oracle price unless the venue computes a median mark)
   * @param initialMargin initial margin fraction
   * @param maintenanceMargin maintenance margin fraction
   */
  public record PositionLine(
      double size,
      double entryPrice,
      double markPrice,
      double initialMargin,
      double maintenanceMargin) {}

  /** The margin state of an account, every position in a single maintenance tier. */
  public MarginState state(List<CollateralLine> collateral, List<PositionLine> positions) {
    return state(collateral, positions, null);
  }

  /**
   * The margin state of an account with tiered maintenance: position {@code p} requires {@code
   * tiers.get(p).maintenance(notional)} (Hyperliquid docs, trading/margin-tiers) and an initial
   * margin of {@code notional * min(1, IMF * mmr(tier) / mmr(0))}, so that the ratio of initial to
   * maintenance margin stays that of the first tier (Hyperliquid: mmr = 1 / (2 maxLeverage) in
   * every tier; for Binance brackets this approximates the bracket's max leverage). Collateral
   * counts at {@code min(units * P * (1 - haircut), cap)}.
   *
   * @param tiers one entry per position, or null for a single tier at each line's fraction
   */
  public MarginState state(
      List<CollateralLine> collateral, List<PositionLine> positions, List<MarginTiers> tiers) {
    double equity = 0;
    for (CollateralLine c : collateral) {
      equity += collateralValue(c.units(), c.price(), c.haircut(), c.cap());
    }
    double initial = 0;
    double maintenance = 0;
    for (int i = 0; i < positions.size(); i++) {
      PositionLine p = positions.get(i);
      equity += p.size() * (p.markPrice() - p.entryPrice());
      double notional = Math.abs(p.size()) * p.markPrice();
      MarginTiers t = tiers == null ? null : tiers.get(i);
      initial += initialRequirement(notional, p.initialMargin(), t);
      maintenance += maintenanceRequirement(notional, p.maintenanceMargin(), t);
    }
    return new MarginState(equity, initial, maintenance);
  }

  /**
   * What one collateral holding counts for: {@code min(units * P * (1 - haircut), cap)}. With
   * {@link #initialRequirement} and {@link #maintenanceRequirement} it lets a venue sum an account
   * held in arrays exactly as {@link #state(List, List, List)} sums lines, without building them.
   */
  public static double collateralValue(double units, double price, double haircut, double cap) {
    return Math.min(units * price * (1 - haircut), cap);
  }

  /**
   * The initial requirement of a position of absolute notional {@code notional}: {@code notional *
   * imf} in the first tier (or without tiers), {@code notional * min(1, imf * mmr(tier) / mmr(0))}
   * above it.
   *
   * @param tiers the market's tiers, or null for a single tier at {@code imf}
   */
  public static double initialRequirement(double notional, double imf, MarginTiers tiers) {
    if (tiers == null) {
      return notional * imf;
    }
    int k = tiers.tier(notional);
    // Tier 0 uses the fractions as given, so single-tier markets compute exactly as before.
    return k == 0 ? notional * imf : notional * Math.min(1, imf * tiers.rate(k) / tiers.rate(0));
  }

  /**
   * The maintenance requirement of a position of absolute notional {@code notional}: {@code
   * notional * mmf} without tiers, {@code notional * mmr(0)} in the first tier, the tier's rate
   * less its deduction above it.
   *
   * @param tiers the market's tiers, or null for a single tier at {@code mmf}
   */
  public static double maintenanceRequirement(double notional, double mmf, MarginTiers tiers) {
    if (tiers == null) {
      return notional * mmf;
    }
    int k = tiers.tier(notional);
    return k == 0 ? notional * tiers.rate(0) : tiers.maintenance(notional);
  }

  /**
   * The oracle price at which a single position backed only by base-currency margin reaches its
   * maintenance requirement: solves {@code margin + size (P - entry) = |size| P mmf}, giving {@code
   * P = (size * entry - margin) / (size - |size| * mmf)}.
   *
   * @param size signed size (non-zero)
   * @param entryPrice entry price
   * @param margin base-currency margin of the position (or of the whole cross account)
   * @param maintenanceMargin maintenance margin fraction
   */
  public double liquidationPrice(
      double size, double entryPrice, double margin, double maintenanceMargin) {
    if (size == 0) {
      throw new IllegalArgumentException("size: must not be zero");
    }
    return (size * entryPrice - margin) / (size - Math.abs(size) * maintenanceMargin);
  }
}
