package org.marginfall.experiments.internal.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One collected metric: a column name and its path into the run summary, as laid out in {@code
 * summary.json} ({@code totals.badDebt}, {@code venues.perp-cross.liquidations}, {@code
 * assets.ETH.marketMaxDrawdown}, {@code contagion.cascadeDepth}), or into the run's risk metrics as
 * the run report computes them ({@code risk.perp-cross.cover1}), or into the comparison of the run
 * with a counterfactual twin run on the same seed ({@code twin.no-impact.perp-isolated.onlyInBase},
 * {@code twin.no-channel:commonMarket.total.badDebtDifference}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the column name in the outputs
 * @param section {@code totals}, {@code venues}, {@code assets}, {@code contagion}, {@code risk},
 *     {@code twin}, {@code populations} (a population's own metrics) or {@code snapshots} (a
 *     snapshot population's row counters, one of {@link #SNAPSHOT_FIELDS})
 * @param id the venue, asset or population id (empty for totals and contagion); for {@code twin}
 *     the twin's name as {@code run --twin} takes it
 * @param field the summary field or risk metric; for {@code twin} the venue (or {@code total}), a
 *     dot and one of {@link #TWIN_FIELDS}
 */
public record Metric(String name, String section, String id, String field) {

  /** The sections a metric path may start with. */
  public static final List<String> SECTIONS =
      List.of(
          "totals", "venues", "assets", "contagion", "risk", "twin", "populations", "snapshots");

  /**
   * The counters of a snapshot population in {@code summary.json}'s {@code snapshots} section: data
   * rows read and rows skipped, in all ({@code skippedRows}) or per reason ({@code
   * skipped.<reason>}, 0 when no row was skipped for it).
   */
  public static final List<String> SNAPSHOT_FIELDS = snapshotFields();

  private static List<String> snapshotFields() {
    List<String> out = new java.util.ArrayList<>(List.of("rows", "skippedRows"));
    for (org.marginfall.agents.snapshot.InvalidRow.Reason r :
        org.marginfall.agents.snapshot.InvalidRow.Reason.values()) {
      out.add("skipped." + r.key());
    }
    return List.copyOf(out);
  }

  /**
   * The comparison measures of the {@code twin} section, per venue or in total
   * (docs/experiments.md, "Twins in a sweep"): owners liquidated only in the base run (only because
   * of what the twin removes) and their notional, owners liquidated only in the twin, the
   * twin-minus-base differences, the capital what the twin removes saved, and the twin-minus-base
   * count of owners liquidated.
   */
  public static final List<String> TWIN_FIELDS =
      List.of(
          "onlyInBase",
          "onlyInBaseNotional",
          "onlyInTwin",
          "onlyInTwinNotional",
          "liquidationsDifference",
          "liquidatedNotionalDifference",
          "badDebtDifference",
          "insurancePaidDifference",
          "capitalSaved",
          "accountsLiquidatedDifference");

  /**
   * The fields of the {@code contagion} section a metric may name (numbers of summary.json's
   * contagion object).
   */
  public static final List<String> CONTAGION_FIELDS =
      List.of("cascadeDepth", "inducedShare", "acceleratedShare");

  /**
   * The per-venue risk metrics of the {@code risk} section, as the run report defines them
   * (docs/outputs.md, "Risk metrics of a run"): cover 1 and cover 2 of the venue's insurance fund,
   * and the largest and the two largest account shortfalls they divide by.
   */
  public static final List<String> RISK_FIELDS =
      List.of("cover1", "cover2", "largestShortfall", "largestTwoShortfalls");

  /** Validates the fields. */
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(field, "field");
    if (!SECTIONS.contains(section)) {
      throw new IllegalArgumentException(
          "section: must be one of " + SECTIONS + ", was " + section);
    }
  }

  /** Whether the metric needs the run's account shortfalls (from its events). */
  public boolean needsShortfalls() {
    return section.equals("risk");
  }

  /** Whether the metric compares the run with a twin. */
  public boolean needsTwin() {
    return section.equals("twin");
  }

  /** The path as written in a sweep file. */
  public String path() {
    return id.isEmpty() ? section + "." + field : section + "." + id + "." + field;
  }
}
