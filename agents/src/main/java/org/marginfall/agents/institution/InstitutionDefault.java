package org.marginfall.agents.institution;

import org.marginfall.core.event.PopulationEvent;

/**
 * An institution failed: its losses exceeded its equity, or the initial shock took it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: the trading phase, where the cascade runs)
 * @param population the institutions population
 * @param institution the failed institution's ledger account
 * @param cascadeRound the round of the cascade within the tick (0: the initial shock)
 * @param cause {@code shock}, {@code interbank} (losses on claims on failed debtors were the larger
 *     part) or {@code market} (losses on marketable assets were)
 * @param equity its equity when it failed (negative), base currency
 * @param failedDebtors how many of its debtors had failed
 * @param interbankLoss what it lost on claims on failed debtors
 * @param marketLoss what it lost on its marketable assets since set-up
 */
public record InstitutionDefault(
    long step,
    int round,
    String population,
    String institution,
    int cascadeRound,
    String cause,
    double equity,
    int failedDebtors,
    double interbankLoss,
    double marketLoss)
    implements PopulationEvent {

  @Override
  public String type() {
    return "institution_default";
  }
}
