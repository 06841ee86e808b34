package org.marginfall.experiments.internal.plugin.kinds;

import java.util.Arrays;
import org.marginfall.core.oracle.Aggregation;

/** A test plug-in's aggregation: the lowest reading, the whole weight on it. */
public record LowestAggregation() implements Aggregation {

  @Override
  public String label() {
    return "lowest";
  }

  @Override
  public double aggregate(double[] values, double[] weights, double[] coefficients) {
    if (values.length == 0 || values.length != weights.length) {
      throw new IllegalArgumentException("values and weights must be non-empty and of one length");
    }
    int lowest = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[lowest]) {
        lowest = i;
      }
    }
    if (coefficients != null) {
      Arrays.fill(coefficients, 0);
      coefficients[lowest] = 1;
    }
    return values[lowest];
  }
}
