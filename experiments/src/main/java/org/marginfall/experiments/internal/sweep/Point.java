package org.marginfall.experiments.internal.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One point of a design: its id (its position in the design), the parameter values in the sweep's
 * parameter order, and, for Sobol designs, its role in Saltelli's scheme.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the point's index, from 0
 * @param values one value per parameter
 * @param sample the base sample the point belongs to (Sobol), else the id
 * @param matrix {@code A}, {@code B} or {@code AB<i>} (i from 1) for Sobol designs, else empty
 */
public record Point(int id, List<Object> values, int sample, String matrix) {

  /** Validates the fields. */
  public Point {
    values = List.copyOf(values);
    Objects.requireNonNull(matrix, "matrix");
    if (id < 0 || sample < 0) {
      throw new IllegalArgumentException(
          "id and sample must be >= 0, were " + id + " and " + sample);
    }
  }
}
