package org.marginfall.core.metric;

import java.util.Map;

/**
 * The metrics of one run, as written to {@code summary.json} (see docs/outputs.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param run the run settings
 * @param assets per spot asset, in scenario order
 * @param venues per venue, in scenario order
 * @param totals over all venues
 * @param audit what the auditor checked
 * @param contagion the contagion metrics, null for summaries read from runs that predate them
 * @param populations the last metrics of each population that reports its own, in scenario order
 *     (empty when none does)
 */
public record RunSummary(
    RunInfo run,
    Map<String, AssetSummary> assets,
    Map<String, VenueSummary> venues,
    Totals totals,
    AuditSummary audit,
    ContagionSummary contagion,
    Map<String, Map<String, Double>> populations) {

  /** Keeps the population metrics in order, nulls included. */
  public RunSummary {
    populations =
        populations == null ? Map.of() : java.util.Collections.unmodifiableMap(populations);
  }

  /** A summary without population metrics. */
  public RunSummary(
      RunInfo run,
      Map<String, AssetSummary> assets,
      Map<String, VenueSummary> venues,
      Totals totals,
      AuditSummary audit,
      ContagionSummary contagion) {
    this(run, assets, venues, totals, audit, contagion, Map.of());
  }

  /** A summary without contagion metrics. */
  public RunSummary(
      RunInfo run,
      Map<String, AssetSummary> assets,
      Map<String, VenueSummary> venues,
      Totals totals,
      AuditSummary audit) {
    this(run, assets, venues, totals, audit, null, Map.of());
  }

  /**
   * The run settings.
   *
   * @param seed master seed
   * @param replication replication index
   * @param steps ticks run
   * @param stepSeconds seconds per tick
   * @param maxLiquidationRounds most liquidation rounds per tick
   * @param baseCurrency unit of account
   */
  public record RunInfo(
      long seed,
      int replication,
      long steps,
      double stepSeconds,
      int maxLiquidationRounds,
      String baseCurrency) {}

  /**
   * Price path statistics of one asset.
   *
   * @param initialFundamental fundamental at step 0
   * @param finalFundamental fundamental at the last step
   * @param minFundamental lowest fundamental
   * @param fundamentalMaxDrawdown largest peak-to-trough fall of the fundamental
   * @param initialMarket market price at step 0
   * @param finalMarket market price at the last step
   * @param minMarket lowest market price
   * @param marketMaxDrawdown largest peak-to-trough fall of the market price
   * @param amplification marketMaxDrawdown / fundamentalMaxDrawdown, null when the fundamental
   *     never fell
   */
  public record AssetSummary(
      double initialFundamental,
      double finalFundamental,
      double minFundamental,
      double fundamentalMaxDrawdown,
      double initialMarket,
      double finalMarket,
      double minMarket,
      double marketMaxDrawdown,
      Double amplification) {}

  /**
   * Outcome on one venue.
   *
   * @param type registry type
   * @param attributes descriptive attributes (e.g. marginMode)
   * @param accounts margin accounts at the end
   * @param liquidations liquidation events
   * @param liquidatedNotional notional closed by liquidations
   * @param liquidationFees fees charged to liquidated accounts
   * @param badDebt uncovered shortfall
   * @param insuranceFundStart insurance fund after set-up
   * @param insuranceFundEnd insurance fund at the end
   * @param insurancePaid what the insurance fund paid for shortfalls
   * @param firstLiquidationStep tick of the first liquidation, null if none
   * @param backlogSteps ticks that ended with accounts still liquidatable (a liquidation backlog)
   * @param maxBacklogShortfall the largest backlog maintenance shortfall of any tick, 0 if none
   */
  public record VenueSummary(
      String type,
      Map<String, Object> attributes,
      int accounts,
      long liquidations,
      double liquidatedNotional,
      double liquidationFees,
      double badDebt,
      double insuranceFundStart,
      double insuranceFundEnd,
      double insurancePaid,
      Long firstLiquidationStep,
      long backlogSteps,
      double maxBacklogShortfall) {}

  /**
   * Totals over venues.
   *
   * @param liquidations liquidation events
   * @param liquidatedNotional notional closed
   * @param badDebt uncovered shortfall
   */
  public record Totals(long liquidations, double liquidatedNotional, double badDebt) {}

  /**
   * What the auditor checked.
   *
   * @param enabled whether the run was audited
   * @param stepsChecked steps checked
   * @param violations violations found (a violation fails the run, so a summary shows 0)
   */
  public record AuditSummary(boolean enabled, long stepsChecked, int violations) {}
}
