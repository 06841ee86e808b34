package org.marginfall.core.metric;

import java.util.List;
import java.util.Map;

/**
 * The contagion metrics of one run (docs/contagion.md, "Per-run contagion metrics"), as written
 * under {@code contagion} in {@code summary.json}; docs/outputs.md defines each.
 *
 * <p>Immutable and thread-safe (the matrices are copied in and must not be changed by readers).
 *
 * @param channels each channel's scenario name and whether it was open
 * @param shockStep the first step with a scheduled shock, null if none
 * @param cascadeDepth the highest generation of any liquidation that is not accelerated (generation
 *     0 or induced), null if none
 * @param inducedShare liquidated notional of induced liquidations (generation 1 and above, and not
 *     liquidatable on the exogenous path alone at any step) over all liquidated notional, null if
 *     nothing was liquidated
 * @param acceleratedShare liquidated notional of accelerated liquidations (generation 1 and above,
 *     liquidatable on the exogenous path alone at some step) over all liquidated notional, null if
 *     nothing was liquidated
 * @param generations per generation from 0 to the highest of any liquidation
 * @param matrix the venue-to-venue contagion matrix: induced liquidations in their cause's row,
 *     accelerated ones in the last row
 * @param venues per venue, when contagion reached it
 */
public record ContagionSummary(
    Map<String, Boolean> channels,
    Long shockStep,
    Integer cascadeDepth,
    Double inducedShare,
    Double acceleratedShare,
    List<GenerationRow> generations,
    Matrix matrix,
    Map<String, VenueTiming> venues) {

  /** Copies the collections. */
  public ContagionSummary {
    channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
    generations = List.copyOf(generations);
    venues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(venues));
  }

  /**
   * What one generation did, over all venues.
   *
   * @param generation the generation
   * @param liquidations liquidation events of this generation that are not accelerated (generation
   *     0: exogenous; above: induced)
   * @param liquidatedNotional their notional
   * @param badDebt bad debt booked on accounts whose liquidation was one of those
   * @param acceleratedLiquidations accelerated liquidation events of this generation
   * @param acceleratedNotional their notional
   * @param acceleratedBadDebt bad debt booked on accounts whose liquidation was one of those
   */
  public record GenerationRow(
      int generation,
      long liquidations,
      double liquidatedNotional,
      double badDebt,
      long acceleratedLiquidations,
      double acceleratedNotional,
      double acceleratedBadDebt) {}

  /**
   * Who caused what where: row {@code i} is the cause ({@code from[0]} is the exogenous move, then
   * the venues), column {@code j} the venue it happened on.
   *
   * @param from "exogenous", the venue ids in scenario order (induced liquidations by cause venue),
   *     then "accelerated" (accelerated liquidations, whatever brought them forward)
   * @param to the venue ids, in scenario order
   * @param liquidations liquidation events
   * @param liquidatedNotional their notional
   * @param badDebt bad debt
   */
  public record Matrix(
      List<String> from,
      List<String> to,
      long[][] liquidations,
      double[][] liquidatedNotional,
      double[][] badDebt) {

    /** Copies the lists. */
    public Matrix {
      from = List.copyOf(from);
      to = List.copyOf(to);
    }
  }

  /**
   * When contagion reached one venue.
   *
   * @param firstLiquidationStep the step of its first liquidation, null if none
   * @param stepsToFirstLiquidation that step minus the shock step, null without either
   * @param firstBadDebtStep the step its first bad debt was booked (insolvency), null if none
   * @param stepsToInsolvency that step minus the shock step, null without either
   */
  public record VenueTiming(
      Long firstLiquidationStep,
      Long stepsToFirstLiquidation,
      Long firstBadDebtStep,
      Long stepsToInsolvency) {}
}
