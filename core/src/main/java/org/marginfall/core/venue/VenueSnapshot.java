package org.marginfall.core.venue;

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
    int liquidatable) {}
