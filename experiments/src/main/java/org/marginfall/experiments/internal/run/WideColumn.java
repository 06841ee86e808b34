package org.marginfall.experiments.internal.run;

import java.util.Objects;

/**
 * A value column of {@code timeseries.csv} read as its metric and entity: the header {@code
 * <metric>.<entity>} split at its first dot (docs/outputs.md). Identifiers never contain a dot, so
 * the metric is the part before it and the entity the rest: an asset, a venue, or {@code
 * <oracle>.<asset>} for an oracle's price. Immutable and thread-safe.
 *
 * @param metric the metric, e.g. {@code bad_debt}
 * @param entity the entity it measures, e.g. {@code perp-isolated}
 */
public record WideColumn(String metric, String entity) {

  /** The columns of every row that are not values: the step and its time. */
  public static final java.util.List<String> KEYS = java.util.List.of("step", "time_s");

  /** Validates the fields. */
  public WideColumn {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(entity, "entity");
  }

  /**
   * Splits the header {@code name} of a value column.
   *
   * @throws IllegalArgumentException when it has no {@code <metric>.<entity>} form
   */
  public static WideColumn of(String name) {
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a <metric>.<entity> column of timeseries.csv");
    }
    return new WideColumn(name.substring(0, dot), name.substring(dot + 1));
  }
}
