package org.marginfall.experiments.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One collected metric: a column name and its path into the run summary, as laid out in {@code
 * summary.json} ({@code totals.badDebt}, {@code venues.perp-cross.liquidations}, {@code
 * assets.ETH.marketMaxDrawdown}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the column name in the outputs
 * @param section {@code totals}, {@code venues} or {@code assets}
 * @param id the venue or asset id (empty for totals)
 * @param field the summary field
 */
public record Metric(String name, String section, String id, String field) {

  /** The sections a metric path may start with. */
  public static final List<String> SECTIONS = List.of("totals", "venues", "assets");

  /** Validates the fields. */
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(field, "field");
    if (!SECTIONS.contains(section)) {
      throw new IllegalArgumentException("section: must be one of " + SECTIONS + ", was " + section);
    }
  }

  /** The path as written in a sweep file. */
  public String path() {
    return id.isEmpty() ? section + "." + field : section + "." + id + "." + field;
  }
}
