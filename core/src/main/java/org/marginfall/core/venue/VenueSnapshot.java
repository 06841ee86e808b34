package org.marginfall.core.venue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A venue's cumulative counters and current state, read by the recorder after every tick.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accounts margin accounts on the venue
 * @param liquidations liquidation events so far
 * @param liquidatedNotional notional closed by liquidations so far
 * @param liquidationFees fees charged to liquidated accounts so far
 * @param insurancePaid what the insurance fund paid to cover shortfalls so far
 * @param badDebt uncovered shortfall so far
 * @param insuranceFund the insurance fund's balance now
 * @param openInterest sum of absolute position notional at oracle prices now
 * @param liquidatable accounts below maintenance now
 * @param extras family-specific metrics (e.g. a lending venue's utilisation), same keys in the same
 *     order at every step; written to timeseries.csv as {@code <key>.<venue>}
 */
public record VenueSnapshot(
    int accounts,
    long liquidations,
    double liquidatedNotional,
    double liquidationFees,
    double insurancePaid,
    double badDebt,
    double insuranceFund,
    double openInterest,
    int liquidatable,
    Map<String, Double> extras) {

  /** Copies the extras, keeping their order. */
  public VenueSnapshot {
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** A snapshot without family-specific metrics. */
  public VenueSnapshot(
      int accounts,
      long liquidations,
      double liquidatedNotional,
      double liquidationFees,
      double insurancePaid,
      double badDebt,
      double insuranceFund,
      double openInterest,
      int liquidatable) {
    this(
        accounts,
        liquidations,
        liquidatedNotional,
        liquidationFees,
        insurancePaid,
        badDebt,
        insuranceFund,
        openInterest,
        liquidatable,
        Map.of());
  }
}
