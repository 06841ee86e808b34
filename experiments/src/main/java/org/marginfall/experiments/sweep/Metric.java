package org.marginfall.experiments.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One collected metric: a column name and its path into the run summary, as laid out in {@code
 * summary.json} ({@code totals.badDebt}, {@code venues.perp-cross.liquidations}, {@code
 * assets.ETH.marketMaxDrawdown}, {@code contagion.cascadeDepth}), or into the run's risk metrics as
 * the run report computes them ({@code risk.perp-cross.cover1}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the column name in the outputs
 * @param section {@code totals}, {@code venues}, {@code assets}, {@code contagion} or {@code risk}
 * @param id the venue or asset id (empty for totals and contagion)
 * @param field the summary field or risk metric
 */
public record Metric(String name, String section, String id, String field) {

  /** The sections a metric path may start with. */
  public static final List<String> SECTIONS = List.of("totals", "venues", "assets", "contagion", "risk");

  /** The fields of the {@code contagion} section a metric may name (numbers of summary.json's contagion object). */
  public static final List<String> CONTAGION_FIELDS = List.of("cascadeDepth", "inducedShare");

  /**
   * The per-venue risk metrics of the {@code risk} section, as the run report defines them
   * (docs/outputs.md, "Risk metrics of a run"): cover 1 and cover 2 of the venue's insurance fund, and
   * the largest and the two largest account shortfalls they divide by.
   */
  public static final List<String> RISK_FIELDS = List.of("cover1", "cover2", "largestShortfall", "largestTwoShortfalls");

  /** Validates the fields. */
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(field, "field");
    if (!SECTIONS.contains(section)) {
      throw new IllegalArgumentException("section: must be one of " + SECTIONS + ", was " + section);
    }
  }

  /** Whether the metric needs the run's account shortfalls (from its events). */
  public boolean needsShortfalls() {
    return section.equals("risk");
  }

  /** The path as written in a sweep file. */
  public String path() {
    return id.isEmpty() ? section + "." + field : section + "." + id + "." + field;
  }
}
