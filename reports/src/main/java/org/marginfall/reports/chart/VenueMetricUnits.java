package org.marginfall.reports.chart;

import java.util.Set;

/**
 * The unit of each family metric a venue reports ({@code <metric>.<venue>} columns beyond the
 * standard six, docs/venues.md), so that a chart never draws two units against one axis. A metric
 * this class does not know gets an axis of its own, labelled with its name: a new metric can look
 * odd in a chart, but never wrong.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
final class VenueMetricUnits {

  /** Metrics that count things (auctions, liquidations, fills, accounts, steps). */
  static final Set<String> COUNTS =
      Set.of(
          "activeAuctions",
          "partialLiquidations",
          "backstopTakeovers",
          "adlFills",
          "staleAccounts",
          "stalePausedSteps",
          "stale_paused_steps");

  /** Metrics in the base currency. */
  static final Set<String> AMOUNTS =
      Set.of(
          "total_supplied",
          "deficit",
          "collateralInAuction",
          "keeperIncentives",
          "auctionDeficit",
          "systemDebt",
          "stabilityFees",
          "backstopTakenNotional",
          "backstopEquity",
          "adlShortfall",
          "adlProfitTaken",
          "adlOverDeleveraging",
          "socializedLoss",
          "fundingPaid",
          "fundingReceived",
          "fundingDeferred");

  private VenueMetricUnits() {}

  /**
   * The label of the axis {@code metric} is drawn against; metrics with the same label share a unit
   * (and a panel).
   */
  static String axisLabel(String metric, String baseCurrency) {
    if (COUNTS.contains(metric)) {
      return "count";
    }
    if (AMOUNTS.contains(metric)) {
      return "amount (" + baseCurrency + ")";
    }
    // Lending reserves: utilisation and the annual borrow rate are fractions; the exchange rate is
    // underlying units per receipt, near 1, and a socialised deficit cuts it.
    if (metric.startsWith("utilisation_") || metric.startsWith("borrow_rate_")) {
      return "fraction (1 = 100%)";
    }
    if (metric.startsWith("exchange_rate_")) {
      return "exchange rate";
    }
    if (metric.equals("backstopNav")) {
      return "NAV per share (" + baseCurrency + ")";
    }
    return metric;
  }

  /**
   * The smallest span of the axis: 0.001 for exchange rates and NAV per share (near 1, where a move
   * of parts per million is interest, not news), else JFreeChart's default.
   */
  static double minimumRange(String axisLabel) {
    return includesZero(axisLabel)
        ? org.jfree.chart.axis.ValueAxis.DEFAULT_AUTO_RANGE_MINIMUM_SIZE
        : 1e-3;
  }

  /**
   * Whether the axis must show zero: amounts, counts and fractions are read from zero; exchange
   * rates and NAV per share are read as moves away from 1, which an axis from zero flattens.
   */
  static boolean includesZero(String axisLabel) {
    return !axisLabel.startsWith("exchange rate") && !axisLabel.startsWith("NAV per share");
  }
}
